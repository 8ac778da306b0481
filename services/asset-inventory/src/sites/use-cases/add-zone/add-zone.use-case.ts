import { Injectable } from '@nestjs/common';
import { AuditTrail, type Caller } from '@buqi/auth';
import { EventPublisher, VersionConflictError } from '@buqi/messaging';
import { addZone } from '../../domain/site';
import { siteStateEntry } from '../../events/site-state.event';
import { SiteRepository, type StoredSite } from '../../persistence/site.repository';
import type { AddZoneRequest } from './add-zone.request';

/**
 * Adds a zone to a site. The write is guarded by the version read here (or the one the caller
 * names), so two managers adding the same zone at once cannot both succeed.
 */
@Injectable()
export class AddZone {
  constructor(
    private readonly sites: SiteRepository,
    private readonly events: EventPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(siteId: string, zone: AddZoneRequest, caller: Caller, version?: number): Promise<StoredSite> {
    const before = await this.sites.get(siteId);
    if (version !== undefined && before.version !== version)
      throw new VersionConflictError('site', siteId, version, before.version);
    const after = addZone(before, zone);
    const stored = await this.sites.save(after, before.version, caller.actor.id, caller.now, [
      siteStateEntry(this.events, after, before.version + 1, caller),
    ]);
    await this.audit.record({
      actor: caller.principal,
      action: 'site.add-zone',
      resource: { type: 'site', id: siteId },
      after: zone,
      origin: caller.origin,
    });
    return stored;
  }
}

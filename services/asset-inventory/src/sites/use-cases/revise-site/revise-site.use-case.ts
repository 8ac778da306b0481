import { Injectable } from '@nestjs/common';
import { AuditTrail, type Caller } from '@buqi/auth';
import { EventPublisher, VersionConflictError } from '@buqi/messaging';
import { reviseSite } from '../../domain/site';
import { siteStateEntry } from '../../events/site-state.event';
import { SiteRepository, type StoredSite } from '../../persistence/site.repository';
import type { ReviseSiteRequest } from './revise-site.request';

/**
 * Changes a site's name, kind, address or plan, if it is still at the version the caller read:
 * nobody overwrites a change they have not seen.
 */
@Injectable()
export class ReviseSite {
  constructor(
    private readonly sites: SiteRepository,
    private readonly events: EventPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(
    siteId: string,
    version: number,
    change: ReviseSiteRequest,
    caller: Caller,
  ): Promise<StoredSite> {
    const before = await this.sites.get(siteId);
    if (before.version !== version) throw new VersionConflictError('site', siteId, version, before.version);
    const after = reviseSite(before, change);
    const stored = await this.sites.save(after, version, caller.actor.id, caller.now, [
      siteStateEntry(this.events, after, version + 1, caller),
    ]);
    await this.audit.record({
      actor: caller.principal,
      action: 'site.revise',
      resource: { type: 'site', id: siteId },
      before: { name: before.name, kind: before.kind, address: before.address, plan: before.plan },
      after: { name: after.name, kind: after.kind, address: after.address, plan: after.plan },
      origin: caller.origin,
    });
    return stored;
  }
}

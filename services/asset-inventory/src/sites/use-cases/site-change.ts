import { Injectable } from '@nestjs/common';
import { AuditTrail, type Caller } from '@buqi/auth';
import { EventPublisher, VersionConflictError } from '@buqi/messaging';
import type { Site } from '../domain/site';
import { siteStateEntry } from '../events/site-state.event';
import { SiteRepository, type StoredSite } from '../persistence/site.repository';

export interface SiteChange {
  /** The domain function that makes the change, or throws why it cannot. */
  apply(site: Site): Site;
  /** The audit trail's action, e.g. 'site.add-zone', and what to record of the change. */
  action: string;
  audit: (before: Site, after: Site) => { before?: unknown; after?: unknown };
}

/**
 * How every change to a site is made: read it; if the caller named a version, it must still be the
 * current one; apply the domain change; store the new state and its site.state.v1 event in one write
 * guarded by the version read (so concurrent changes cannot both win); audit it.
 */
@Injectable()
export class SiteChanges {
  constructor(
    private readonly sites: SiteRepository,
    private readonly events: EventPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async make(siteId: string, change: SiteChange, caller: Caller, version?: number): Promise<StoredSite> {
    const before = await this.sites.get(siteId);
    if (version !== undefined && before.version !== version)
      throw new VersionConflictError('site', siteId, version, before.version);
    const after = change.apply(before);
    const stored = await this.sites.save(after, before.version, caller.actor.id, caller.now, [
      siteStateEntry(this.events, after, before.version + 1, caller),
    ]);
    await this.audit.record({
      actor: caller.principal,
      action: change.action,
      resource: { type: 'site', id: siteId },
      ...change.audit(before, after),
      origin: caller.origin,
    });
    return stored;
  }
}

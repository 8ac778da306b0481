import { Injectable } from '@nestjs/common';
import type { Caller } from '@buqi/auth';
import { reviseSite, type Site } from '../../domain/site';
import type { StoredSite } from '../../persistence/site.repository';
import { SiteChanges } from '../site-change';
import type { ReviseSiteRequest } from './revise-site.request';

const summary = (s: Site) => ({ name: s.name, kind: s.kind, address: s.address, plan: s.plan });

/**
 * Changes a site's name, kind, address or plan, if it is still at the version the caller read:
 * nobody overwrites a change they have not seen.
 */
@Injectable()
export class ReviseSite {
  constructor(private readonly changes: SiteChanges) {}

  execute(siteId: string, version: number, change: ReviseSiteRequest, caller: Caller): Promise<StoredSite> {
    return this.changes.make(
      siteId,
      {
        apply: (site) => reviseSite(site, change),
        action: 'site.revise',
        audit: (before, after) => ({ before: summary(before), after: summary(after) }),
      },
      caller,
      version,
    );
  }
}

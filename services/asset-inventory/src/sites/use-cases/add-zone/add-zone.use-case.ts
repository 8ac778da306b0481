import { Injectable } from '@nestjs/common';
import type { Caller } from '@buqi/auth';
import { addZone } from '../../domain/site';
import type { StoredSite } from '../../persistence/site.repository';
import { SiteChanges } from '../site-change';
import type { AddZoneRequest } from './add-zone.request';

/**
 * Adds a zone to a site. The write is guarded by the version read (or the one the caller names), so
 * two managers adding the same zone at once cannot both succeed.
 */
@Injectable()
export class AddZone {
  constructor(private readonly changes: SiteChanges) {}

  execute(siteId: string, zone: AddZoneRequest, caller: Caller, version?: number): Promise<StoredSite> {
    return this.changes.make(
      siteId,
      { apply: (site) => addZone(site, zone), action: 'site.add-zone', audit: () => ({ after: zone }) },
      caller,
      version,
    );
  }
}

import { Injectable } from '@nestjs/common';
import type { Caller } from '@buqi/auth';
import { addBuilding } from '../../domain/site';
import type { StoredSite } from '../../persistence/site.repository';
import { SiteChanges } from '../site-change';
import type { AddBuildingRequest } from './add-building.request';

/** Adds a building to a site (guarded by the version read, or the one the caller names). */
@Injectable()
export class AddBuilding {
  constructor(private readonly changes: SiteChanges) {}

  execute(
    siteId: string,
    building: AddBuildingRequest,
    caller: Caller,
    version?: number,
  ): Promise<StoredSite> {
    return this.changes.make(
      siteId,
      {
        apply: (site) => addBuilding(site, building),
        action: 'site.add-building',
        audit: () => ({ after: building }),
      },
      caller,
      version,
    );
  }
}

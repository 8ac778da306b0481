import { Injectable } from '@nestjs/common';
import { SiteRepository, type StoredSite } from '../../persistence/site.repository';

@Injectable()
export class GetSite {
  constructor(private readonly sites: SiteRepository) {}

  execute(siteId: string): Promise<StoredSite> {
    return this.sites.get(siteId);
  }
}

import { Injectable } from '@nestjs/common';
import { toListRequest, type Page } from '@buqi/platform';
import { SiteRepository, type StoredSite } from '../../persistence/site.repository';
import { LIST_SITES, type ListSitesQuery } from './list-sites.request';

@Injectable()
export class ListSites {
  constructor(private readonly sites: SiteRepository) {}

  execute(query: ListSitesQuery): Promise<Page<StoredSite>> {
    return this.sites.list(toListRequest(query, LIST_SITES));
  }
}

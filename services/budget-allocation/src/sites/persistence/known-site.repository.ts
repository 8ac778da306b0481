import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { NotFoundError } from '@buqi/domain-kernel';
import { applyLatestState } from '@buqi/messaging';
import { findPage, type ListRequest, type Page } from '@buqi/platform';
import { KNOWN_SITE_MODEL, type KnownSite } from './known-site.schema';

@Injectable()
export class KnownSiteRepository {
  constructor(@InjectModel(KNOWN_SITE_MODEL) private readonly model: Model<KnownSite>) {}

  /** Keeps the newest state; an older or repeated one changes nothing. */
  apply(site: KnownSite): Promise<'applied' | 'stale'> {
    return applyLatestState(this.model, site);
  }

  async get(id: string): Promise<KnownSite> {
    const site = await this.model.findById(id).lean<KnownSite>();
    if (!site) throw new NotFoundError('site', id);
    return site;
  }

  async find(id: string): Promise<KnownSite | undefined> {
    return (await this.model.findById(id).lean<KnownSite>()) ?? undefined;
  }

  list(request: ListRequest): Promise<Page<KnownSite>> {
    return findPage(this.model, request);
  }
}

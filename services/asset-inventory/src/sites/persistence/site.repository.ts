import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { NotFoundError } from '@buqi/domain-kernel';
import { AggregateStore, EventPublisher, WITHOUT_INTERNAL_FIELDS, type OutboxEntry } from '@buqi/messaging';
import { findPage, type ListRequest, type Page } from '@buqi/platform';
import type { Site } from '../domain/site';
import { SITE_MODEL, type SiteDocument } from './site.schema';

/** A site with the bookkeeping the API shows: version (the ETag), who changed it and when. */
export type StoredSite = Site &
  Pick<SiteDocument, 'version' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>;

/** The only user of the Site model: plain objects out, single guarded writes with their events in. */
@Injectable()
export class SiteRepository {
  private readonly store: AggregateStore<SiteDocument>;

  constructor(
    @InjectModel(SITE_MODEL) private readonly model: Model<SiteDocument>,
    events: EventPublisher,
  ) {
    this.store = new AggregateStore(model, 'site', events);
  }

  async get(id: string): Promise<StoredSite> {
    const doc = await this.store.findById(id);
    if (!doc) throw new NotFoundError('site', id);
    return toSite(doc);
  }

  async create(site: Site, by: string, at: Date, events: OutboxEntry[]): Promise<StoredSite> {
    const { id, name, kind, address, plan, zones, buildings } = site;
    const doc = { _id: id, name, kind, ...(address && { address }), plan, zones, buildings };
    return toSite(
      await this.store.insert(
        { ...doc, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by },
        events,
        at,
      ),
    );
  }

  /** Stores the new state if the site is still at `version`; a stale version is a 409. */
  async save(site: Site, version: number, by: string, at: Date, events: OutboxEntry[]): Promise<StoredSite> {
    // Only the domain's fields: the site handed in may be a StoredSite, carrying bookkeeping too.
    const { name, kind, address, plan, zones, buildings } = site;
    const update = {
      $set: {
        name,
        kind,
        plan,
        zones,
        buildings,
        ...(address !== undefined && { address }),
        updatedAt: at,
        updatedBy: by,
      },
      ...(address === undefined && { $unset: { address: '' } }),
    };
    return toSite(await this.store.update(site.id, version, update, events, at));
  }

  async list(request: ListRequest): Promise<Page<StoredSite>> {
    const page = await findPage<SiteDocument>(this.model, request, WITHOUT_INTERNAL_FIELDS);
    return { ...page, items: page.items.map(toSite) };
  }
}

function toSite(doc: SiteDocument): StoredSite {
  const { _id, ...rest } = doc;
  // Sites stored before buildings were kept have none.
  return { id: _id, ...rest, zones: rest.zones ?? [], buildings: rest.buildings ?? [] };
}

import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { NotFoundError } from '@buqi/domain-kernel';
import { AggregateStore, EventPublisher, WITHOUT_INTERNAL_FIELDS, type OutboxEntry } from '@buqi/messaging';
import type { ServiceQuota } from '../domain/service-quota';
import { SERVICE_QUOTA_MODEL, type ServiceQuotaDocument } from './service-quota.schema';

export type StoredQuota = ServiceQuota &
  Pick<ServiceQuotaDocument, 'version' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>;

/** The only user of the ServiceQuota model: a quota and its events in one guarded write. */
@Injectable()
export class ServiceQuotaRepository {
  private readonly store: AggregateStore<ServiceQuotaDocument>;

  constructor(
    @InjectModel(SERVICE_QUOTA_MODEL) private readonly model: Model<ServiceQuotaDocument>,
    events: EventPublisher,
  ) {
    this.store = new AggregateStore(model, 'service quota', events);
  }

  async get(taskType: string): Promise<StoredQuota> {
    const doc = await this.store.findById(taskType);
    if (!doc) throw new NotFoundError('service quota', taskType);
    return toQuota(doc);
  }

  async find(taskType: string): Promise<StoredQuota | undefined> {
    const doc = await this.store.findById(taskType);
    return doc ? toQuota(doc) : undefined;
  }

  async list(): Promise<StoredQuota[]> {
    const docs = await this.model
      .find({}, WITHOUT_INTERNAL_FIELDS)
      .sort({ _id: 1 })
      .lean<ServiceQuotaDocument[]>();
    return docs.map(toQuota);
  }

  async create(quota: ServiceQuota, by: string, at: Date, events: OutboxEntry[]): Promise<StoredQuota> {
    return toQuota(
      await this.store.insert(
        {
          _id: quota.taskType,
          versions: [...quota.versions],
          createdAt: at,
          createdBy: by,
          updatedAt: at,
          updatedBy: by,
        },
        events,
        at,
      ),
    );
  }

  async save(
    quota: ServiceQuota,
    version: number,
    by: string,
    at: Date,
    events: OutboxEntry[],
  ): Promise<StoredQuota> {
    return toQuota(
      await this.store.update(
        quota.taskType,
        version,
        { $set: { versions: [...quota.versions], updatedAt: at, updatedBy: by } },
        events,
        at,
      ),
    );
  }
}

function toQuota(doc: ServiceQuotaDocument): StoredQuota {
  const { _id, ...rest } = doc;
  return { taskType: _id, ...rest };
}

import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { findPage, type ListRequest, type Page } from '@buqi/platform';
import { MAINTENANCE_MODEL, type MaintenanceDocument } from './maintenance.schema';

export type MaintenanceRecord = Omit<MaintenanceDocument, '_id'> & { workOrderId: string };

/** The maintenance history of assets: completed work orders, each recorded once. */
@Injectable()
export class MaintenanceRepository {
  constructor(@InjectModel(MAINTENANCE_MODEL) private readonly model: Model<MaintenanceDocument>) {}

  /** Records the work order unless it already is: a redelivered completion keeps the first record. */
  async record(doc: MaintenanceDocument): Promise<void> {
    const { _id, ...fields } = doc;
    await this.model.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true });
  }

  async list(request: ListRequest): Promise<Page<MaintenanceRecord>> {
    const page = await findPage<MaintenanceDocument>(this.model, request, {});
    return { ...page, items: page.items.map(({ _id, ...rest }) => ({ workOrderId: _id, ...rest })) };
  }
}

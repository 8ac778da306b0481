import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import { bulkWriteInChunks } from '@buqi/platform';
import { DELIVERY_MODEL, type DeliveryDocument } from './delivery.schema';

/** The only user of the deliveries model. A delivery leaves `pending` once, by a guarded write. */
@Injectable()
export class DeliveryRepository {
  constructor(@InjectModel(DELIVERY_MODEL) private readonly model: Model<DeliveryDocument>) {}

  /** Records the deliveries not recorded yet (by id), leaves the others as they are; returns all as stored. */
  async record(deliveries: readonly DeliveryDocument[]): Promise<DeliveryDocument[]> {
    if (deliveries.length === 0) return [];
    await bulkWriteInChunks(
      this.model,
      deliveries.map(({ _id, ...fields }) => ({
        updateOne: { filter: { _id }, update: { $setOnInsert: fields }, upsert: true },
      })),
    );
    const ids = deliveries.map((d) => d._id);
    const stored = await this.model.find({ _id: mongoose.trusted({ $in: ids }) }).lean<DeliveryDocument[]>();
    const byId = new Map(stored.map((d) => [d._id, d]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async get(id: string): Promise<DeliveryDocument | undefined> {
    return (await this.model.findById(id).lean<DeliveryDocument>()) ?? undefined;
  }

  /** A notification's deliveries, in the order they were recorded. */
  ofNotification(notificationId: string): Promise<DeliveryDocument[]> {
    return this.model.find({ notificationId }).sort({ createdAt: 1, _id: 1 }).lean<DeliveryDocument[]>();
  }

  /** The delivery went out; false when it had already left `pending`. */
  async markSent(id: string, at: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, status: 'pending' },
      { $set: { status: 'sent', sentAt: at, updatedAt: at }, $inc: { attempts: 1 } },
    );
    return result.modifiedCount === 1;
  }

  /** A try failed: the error is kept; `final` ends the delivery `failed`. */
  async markAttemptFailed(id: string, error: string, final: boolean, at: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, status: 'pending' },
      {
        $set: { lastError: error, updatedAt: at, ...(final && { status: 'failed', failedAt: at }) },
        $inc: { attempts: 1 },
      },
    );
    return result.modifiedCount === 1;
  }
}

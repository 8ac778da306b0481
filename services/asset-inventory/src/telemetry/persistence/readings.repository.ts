import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { bulkWriteInChunks } from '@buqi/platform';
import { bucketId, metricField, type BucketWrite, type StoredBucket } from '../domain/buckets';
import { READING_BUCKET_MODEL, type ReadingBucketDocument } from './reading-bucket.schema';

/** Lookups run this many at a time: enough to overlap round trips, few enough to share the pool. */
const LOOKUPS_AT_ONCE = 8;
/**
 * Deletes per command. On FerretDB a delete holds the proxy's write lock while it scans for its
 * document; small commands let other writers in between.
 */
const DELETES_PER_COMMAND = 10;

/** The only user of the reading-bucket model: upserts of a batch's hours, lookups and deletes by id. */
@Injectable()
export class ReadingsRepository {
  constructor(@InjectModel(READING_BUCKET_MODEL) private readonly model: Model<ReadingBucketDocument>) {}

  /** Stores a batch's readings: one upsert per hour, idempotent (`$max`/`$min` per measurement time). */
  async store(writes: readonly BucketWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await bulkWriteInChunks(this.model, writes.map(bucketUpsert), { ordered: false });
  }

  /** The buckets of these hours that exist, with only `metric`'s values when one is named. */
  async buckets(deviceId: string, hours: readonly number[], metric?: string): Promise<StoredBucket[]> {
    const field = metric === undefined ? undefined : metricField(metric);
    const projection =
      field === undefined ? { hour: 1, m: 1, u: 1 } : { hour: 1, [`m.${field}`]: 1, [`u.${field}`]: 1 };
    const found: StoredBucket[] = [];
    for (let i = 0; i < hours.length; i += LOOKUPS_AT_ONCE) {
      const docs = await Promise.all(
        hours
          .slice(i, i + LOOKUPS_AT_ONCE)
          // One exact _id per query: the only filter FerretDB 1.24 hands to its SQL (docs/telemetry-storage.md).
          .map((h) =>
            this.model
              .findOne({ _id: bucketId(deviceId, h) }, projection)
              .lean<StoredBucket>()
              .exec(),
          ),
      );
      for (const doc of docs) if (doc) found.push(doc);
    }
    return found;
  }

  /** Deletes a device's buckets of these hours; how many there were. */
  async deleteHours(deviceId: string, hours: readonly number[]): Promise<number> {
    if (hours.length === 0) return 0;
    const deletes: AnyBulkWriteOperation<ReadingBucketDocument>[] = hours.map((h) => ({
      deleteOne: { filter: { _id: bucketId(deviceId, h) } },
    }));
    const result = await bulkWriteInChunks(this.model, deletes, {
      chunkSize: DELETES_PER_COMMAND,
      ordered: false,
    });
    return result.deletedCount;
  }
}

/** The upsert that stores one hour of a batch (also what the benchmark's store-bound baseline sends). */
export function bucketUpsert(w: BucketWrite): AnyBulkWriteOperation<ReadingBucketDocument> {
  return {
    updateOne: {
      filter: { _id: w.id },
      update: {
        $set: { device: w.deviceId, hour: w.hour, ...w.units },
        // Mongo refuses an empty operator: only the ones with values.
        ...(Object.keys(w.max).length > 0 && { $max: w.max }),
        ...(Object.keys(w.min).length > 0 && { $min: w.min }),
      },
      upsert: true,
    },
  };
}

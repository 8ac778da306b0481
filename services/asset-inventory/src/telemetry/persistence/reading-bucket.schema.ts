import { Schema } from 'mongoose';

/**
 * One device's readings of one hour (docs/telemetry-storage.md): `m.<metric>.<ms into the hour>` →
 * value, `u.<metric>` → unit. Found only by its exact id, `<device>|<hour>`, the one filter every
 * store answers from its primary key; so no secondary index is needed.
 */
export interface ReadingBucketDocument {
  _id: string;
  device: string;
  hour: Date;
  m: Record<string, Record<string, number>>;
  u: Record<string, string>;
}

export const READING_BUCKET_MODEL = 'ReadingBucket';

export const readingBucketSchema = new Schema<ReadingBucketDocument>(
  {
    _id: { type: String, required: true },
    device: { type: String, required: true },
    hour: { type: Date, required: true },
    // Metric and offset names are data, not schema: both maps are free-form.
    m: { type: Schema.Types.Mixed, default: undefined },
    u: { type: Schema.Types.Mixed, default: undefined },
  },
  { collection: 'telemetry_readings', strict: 'throw', versionKey: false, minimize: false },
);

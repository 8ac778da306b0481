import { Schema } from 'mongoose';

/**
 * A service-quota version as budget-allocation last published it on standards.service-quota.v1,
 * keyed `<taskType>:<version>`: what orders are checked and contractors paid by, held here so work
 * orders never call budget-allocation.
 */
export interface QuotaVersionDocument {
  /** `<taskType>:<version>` */
  _id: string;
  taskType: string;
  version: number;
  name: string;
  unit: string;
  standardHoursPerUnit: number;
  labourFenPerUnit: number;
  materialsFenPerUnit: number;
  quality: { checklist: string[]; acceptance: { criterion: string; threshold: string }[] };
  effectiveFrom: string;
  effectiveTo?: string;
  publishedAt: Date;
}

export const QUOTA_VERSION_MODEL = 'QuotaVersion';

export const quotaVersionSchema = new Schema<QuotaVersionDocument>(
  {
    _id: { type: String, required: true },
    taskType: { type: String, required: true },
    version: { type: Number, required: true },
    name: { type: String, required: true },
    unit: { type: String, required: true },
    standardHoursPerUnit: { type: Number, required: true },
    labourFenPerUnit: { type: Number, required: true },
    materialsFenPerUnit: { type: Number, required: true },
    quality: { type: Schema.Types.Mixed, required: true },
    effectiveFrom: { type: String, required: true },
    effectiveTo: String,
    publishedAt: { type: Date, required: true },
  },
  { collection: 'service_quota_versions', versionKey: false, strict: 'throw', minimize: false },
);
quotaVersionSchema.index({ taskType: 1, version: 1 });

import { Schema } from 'mongoose';
import { aggregatePlugin } from '@buqi/messaging';
import type { QuotaVersion } from '../domain/service-quota';

/** A task type's quota with every version, and its standards.service-quota.v1 events in the outbox. */
export interface ServiceQuotaDocument {
  /** The task type, e.g. pothole-patch */
  _id: string;
  version: number;
  versions: QuotaVersion[];
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

export const SERVICE_QUOTA_MODEL = 'ServiceQuota';

const closed = { _id: false, strict: 'throw' as const };

const versionSchema = new Schema(
  {
    version: { type: Number, required: true },
    name: { type: String, required: true },
    unit: { type: String, required: true },
    standardHoursPerUnit: { type: Number, required: true },
    labourFenPerUnit: { type: Number, required: true },
    materialsFenPerUnit: { type: Number, required: true },
    quality: {
      type: new Schema(
        {
          checklist: { type: [String], required: true },
          acceptance: {
            type: [new Schema({ criterion: String, threshold: String }, closed)],
            default: [],
          },
        },
        closed,
      ),
      required: true,
    },
    effectiveFrom: { type: String, required: true },
    effectiveTo: String,
  },
  closed,
);

export const serviceQuotaSchema = new Schema<ServiceQuotaDocument>(
  {
    _id: { type: String, required: true },
    versions: { type: [versionSchema], required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'service_quotas', strict: 'throw', minimize: false },
);
serviceQuotaSchema.plugin(aggregatePlugin);

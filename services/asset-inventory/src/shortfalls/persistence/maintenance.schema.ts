import { Schema } from 'mongoose';

/** A completed work order as the asset's history records it; one per work order. */
export interface MaintenanceDocument {
  /** The work order's id. */
  _id: string;
  assetId: string;
  completedBy: string;
  actualCostFen: number;
  labourHours: number;
  completedAt: Date;
  /** The shortfalls it moved to awaiting verification. */
  shortfallIds: string[];
  remediationId?: string;
  recordedAt: Date;
}

export const MAINTENANCE_MODEL = 'MaintenanceRecord';

export const maintenanceSchema = new Schema<MaintenanceDocument>(
  {
    _id: { type: String, required: true },
    assetId: { type: String, required: true },
    completedBy: { type: String, required: true },
    actualCostFen: { type: Number, required: true },
    labourHours: { type: Number, required: true },
    completedAt: { type: Date, required: true },
    shortfallIds: { type: [String], default: [] },
    remediationId: String,
    recordedAt: { type: Date, required: true },
  },
  { collection: 'maintenance_records', strict: 'throw', versionKey: false },
);
// An asset's maintenance history, newest first.
maintenanceSchema.index({ assetId: 1, completedAt: -1, _id: 1 });

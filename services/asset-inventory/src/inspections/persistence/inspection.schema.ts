import { Schema } from 'mongoose';
import { ASSET_CLASSES, type AssetClass } from '../../assets/domain/asset';
import type { Damage } from '../domain/inspection';

/** An inspection as stored: what was recorded, and what the condition models made of it. */
export interface InspectionDocument {
  /** insp-… */
  _id: string;
  assetId: string;
  assetClass: AssetClass;
  inspectedAt: Date;
  recordedAt: Date;
  inspector: { id: string; name?: string };
  notes?: string;
  photos?: string[];
  /** The sheet as the inspector recorded it (the parts of the asset's class). */
  sheet: Record<string, unknown>;
  /** Whether it carries a condition index (a dust-only or calibration record does not). */
  hasCondition: boolean;
  condition?: {
    index: number;
    grade?: string;
    gradeName?: { zh: string; en: string };
    action?: string;
    method: string;
    factors: Record<string, unknown>;
  };
  dust?: {
    loadGPerM2: number;
    standardGPerM2: number;
    passes: boolean;
    margin: number;
    factors: Record<string, unknown>;
  };
  hygiene?: Record<string, unknown>;
  damage?: Damage;
  calibration?: { certificate?: string };
  /** Set until the shortfall rules have been told of it; a sweep tells them what a crash left untold. */
  signalPending?: boolean;
}

export const INSPECTION_MODEL = 'Inspection';

const closed = { _id: false, strict: 'throw' as const };

export const inspectionSchema = new Schema<InspectionDocument>(
  {
    _id: { type: String, required: true },
    assetId: { type: String, required: true },
    assetClass: { type: String, required: true, enum: ASSET_CLASSES },
    inspectedAt: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
    inspector: {
      type: new Schema({ id: { type: String, required: true }, name: String }, closed),
      required: true,
    },
    notes: String,
    photos: { type: [String], default: undefined },
    sheet: { type: Schema.Types.Mixed, required: true },
    hasCondition: { type: Boolean, required: true },
    condition: new Schema(
      {
        index: { type: Number, required: true },
        grade: String,
        gradeName: new Schema({ zh: String, en: String }, closed),
        action: String,
        method: { type: String, required: true },
        factors: { type: Schema.Types.Mixed, required: true },
      },
      closed,
    ),
    dust: new Schema(
      {
        loadGPerM2: { type: Number, required: true },
        standardGPerM2: { type: Number, required: true },
        passes: { type: Boolean, required: true },
        margin: { type: Number, required: true },
        factors: { type: Schema.Types.Mixed, required: true },
      },
      closed,
    ),
    hygiene: Schema.Types.Mixed,
    damage: new Schema({ quantity: Number, unit: String }, closed),
    calibration: new Schema({ certificate: String }, closed),
    signalPending: Boolean,
  },
  // Inspections are not changed once recorded (but for the pending-signal mark): no version, no outbox
  // (the asset publishes the condition).
  { collection: 'inspections', strict: 'throw', minimize: false, versionKey: false },
);
// An asset's history newest first (the list, the latest condition, the series of a period).
inspectionSchema.index({ assetId: 1, inspectedAt: -1, _id: -1 });
inspectionSchema.index({ assetId: 1, hasCondition: 1, inspectedAt: -1 });
// Inspections whose shortfall signal is still to be sent.
inspectionSchema.index({ signalPending: 1, recordedAt: 1 });

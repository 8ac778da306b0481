import { Schema } from 'mongoose';
import { aggregatePlugin } from '@buqi/messaging';
import { SHORTFALL_STATUSES, type Shortfall } from '../domain/shortfall';

/** A shortfall as stored: the domain's fields, the facts of its asset, its version. */
export interface ShortfallDocument extends Omit<Shortfall, 'id'> {
  _id: string;
  version: number;
  assetClass: string;
  siteId: string;
  department: string;
  /** 0 minor … 3 critical: what lists sort by to put the worst first. */
  severityRank: number;
}

export const SHORTFALL_MODEL = 'Shortfall';

const closed = { _id: false, strict: 'throw' as const };
const damageSchema = new Schema({ quantity: Number, unit: String }, closed);
const findingSchema = new Schema(
  {
    rule: { type: String, required: true },
    severity: { type: String, required: true },
    safetyCritical: { type: Boolean, required: true },
    evidence: { type: [String], required: true },
    conditionIndex: Number,
    damage: damageSchema,
    action: String,
    at: { type: Date, required: true },
  },
  closed,
);

export const shortfallSchema = new Schema<ShortfallDocument>(
  {
    _id: { type: String, required: true },
    assetId: { type: String, required: true },
    assetClass: { type: String, required: true },
    siteId: { type: String, required: true },
    department: { type: String, required: true },
    kind: { type: String, required: true },
    findings: { type: [findingSchema], required: true },
    severity: { type: String, required: true },
    severityRank: { type: Number, required: true },
    safetyCritical: { type: Boolean, required: true },
    evidence: { type: [String], required: true },
    conditionIndex: Number,
    damage: damageSchema,
    action: String,
    status: { type: String, required: true, enum: SHORTFALL_STATUSES },
    openedAt: { type: Date, required: true },
    lastDetectedAt: { type: Date, required: true },
    resolvedAt: Date,
    resolution: String,
    workOrderId: String,
    history: { type: [new Schema({ at: Date, event: String, note: String }, closed)], default: [] },
  },
  { collection: 'shortfalls', strict: 'throw' },
);
shortfallSchema.plugin(aggregatePlugin);
// The backlog (open first, oldest first), an asset's shortfalls, a department's.
shortfallSchema.index({ status: 1, openedAt: 1, _id: 1 });
shortfallSchema.index({ status: 1, severityRank: -1, _id: 1 });
shortfallSchema.index({ assetId: 1, status: 1 });
shortfallSchema.index({ siteId: 1, status: 1 });
shortfallSchema.index({ department: 1, status: 1 });

/**
 * One per asset and kind: which opening of its shortfall is current, and how many there were. The
 * guarded write that sets `openId` is what lets only one detection open a shortfall, however many
 * arrive at once.
 */
export interface ShortfallTrackDocument {
  _id: string;
  version: number;
  openId?: string;
  openings: number;
}

export const SHORTFALL_TRACK_MODEL = 'ShortfallTrack';

export const shortfallTrackSchema = new Schema<ShortfallTrackDocument>(
  { _id: { type: String, required: true }, openId: String, openings: { type: Number, required: true } },
  { collection: 'shortfall_tracks', strict: 'throw' },
);
shortfallTrackSchema.plugin(aggregatePlugin);

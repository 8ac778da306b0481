import { Schema } from 'mongoose';
import { aggregatePlugin } from '@buqi/messaging';
import { BUILDING_KINDS, SITE_KINDS, type Site } from '../domain/site';

/** A site as stored: the domain state plus who changed it when, and its version. */
export interface SiteDocument extends Omit<Site, 'id'> {
  _id: string;
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

export const SITE_MODEL = 'Site';

const pointSchema = new Schema(
  { x: { type: Number, required: true }, y: { type: Number, required: true } },
  { _id: false },
);

const zoneSchema = new Schema(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
    outline: { type: [pointSchema], required: true },
  },
  { _id: false },
);

const buildingSchema = new Schema(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true, enum: BUILDING_KINDS },
    zone: { type: String, required: true },
    location: { type: pointSchema, required: true },
    floors: { type: Number, required: true, min: 1 },
    importance: { type: Number, required: true, min: 1, max: 5 },
  },
  { _id: false },
);

export const siteSchema = new Schema<SiteDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, required: true, enum: SITE_KINDS },
    address: { type: String },
    plan: {
      type: new Schema(
        { widthM: { type: Number, required: true }, heightM: { type: Number, required: true } },
        { _id: false },
      ),
      required: true,
    },
    zones: { type: [zoneSchema], default: [] },
    buildings: { type: [buildingSchema], default: [] },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'sites', strict: 'throw' },
);
siteSchema.plugin(aggregatePlugin);
// The list's sort orders (each ends on _id, so pages never overlap).
siteSchema.index({ name: 1, _id: 1 });
siteSchema.index({ updatedAt: 1, _id: 1 });
siteSchema.index({ kind: 1, name: 1, _id: 1 });

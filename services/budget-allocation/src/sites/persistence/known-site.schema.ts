import { Schema } from 'mongoose';
import { SITE_KINDS, type SiteKindName } from './site-kinds';

/** A site as asset-inventory last published it (site.state.v1): what zone caps are set against. */
export interface KnownSite {
  _id: string;
  version: number;
  name: string;
  kind: SiteKindName;
  zones: { zoneId: string; code: string; name: string }[];
  /** With their importance, which weighs when shortfalls are ranked. */
  buildings: { buildingId: string; code: string; name: string; zoneId: string; importance: number }[];
  updatedAt: Date;
}

export const KNOWN_SITE_MODEL = 'KnownSite';

const zoneSchema = new Schema(
  {
    zoneId: { type: String, required: true },
    code: { type: String, required: true },
    name: { type: String, required: true },
  },
  { _id: false },
);

const buildingSchema = new Schema(
  {
    buildingId: { type: String, required: true },
    code: { type: String, required: true },
    name: { type: String, required: true },
    zoneId: { type: String, required: true },
    importance: { type: Number, required: true, min: 1, max: 5 },
  },
  { _id: false },
);

export const knownSiteSchema = new Schema<KnownSite>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true, min: 1 },
    name: { type: String, required: true },
    kind: { type: String, required: true, enum: SITE_KINDS },
    zones: { type: [zoneSchema], default: [] },
    buildings: { type: [buildingSchema], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'known_sites', versionKey: false, strict: 'throw' },
);
knownSiteSchema.index({ name: 1, _id: 1 });
knownSiteSchema.index({ kind: 1, name: 1, _id: 1 });

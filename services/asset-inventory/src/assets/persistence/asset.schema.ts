import { Schema } from 'mongoose';
import {
  FIXTURE_KINDS,
  PAVEMENT_METHODS,
  RESTROOM_CLASSES,
  URBAN_ROAD_CLASSES,
} from '@buqi/domain-condition';
import { aggregatePlugin } from '@buqi/messaging';
import {
  ASSET_CLASSES,
  ASSET_STATUSES,
  DEVICE_KINDS,
  ROAD_PAVEMENTS,
  type Asset,
  type DeviceAttributes,
  type RestroomAttributes,
  type RoadSegmentAttributes,
} from '../domain/asset';

/** The latest assessed condition, kept on the asset for lists and for asset.state.v1. */
export interface ConditionSummary {
  index: number;
  grade?: string;
  action?: string;
  method?: string;
  assessedAt: Date;
}

/** A device's API key as stored: only its id and the SHA-256 of the whole key. */
export interface StoredDeviceKey {
  keyId: string;
  hash: string;
  issuedAt: Date;
  revokedAt?: Date;
}

/** An asset as stored: the domain's fields, its bookkeeping, its condition and (devices) its key. */
export interface AssetDocument {
  _id: string;
  version: number;
  assetClass: Asset['assetClass'];
  name: string;
  siteId: string;
  zone?: string;
  building?: string;
  location: { x: number; y: number };
  criticality: number;
  installedOn: string;
  expectedLifeYears: number;
  replacementCostFen: number;
  status: Asset['status'];
  department: string;
  road?: RoadSegmentAttributes;
  restroom?: RestroomAttributes;
  device?: DeviceAttributes & { key?: StoredDeviceKey };
  condition?: ConditionSummary;
  /** Devices: their newest calibration on record, published on asset.state.v1. */
  lastCalibratedAt?: Date;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

export const ASSET_MODEL = 'Asset';

const closed = { _id: false, strict: 'throw' as const };

const roadSchema = new Schema(
  {
    lengthM: { type: Number, required: true },
    widthM: { type: Number, required: true },
    areaM2: { type: Number, required: true },
    pavement: { type: String, required: true, enum: ROAD_PAVEMENTS },
    roadClass: { type: String, required: true, enum: URBAN_ROAD_CLASSES },
    conditionMethod: { type: String, required: true, enum: PAVEMENT_METHODS },
    dustStandardGPerM2: { type: Number, required: true },
  },
  closed,
);

const restroomSchema = new Schema(
  {
    floor: { type: Number, required: true },
    fixtures: {
      type: [
        new Schema({ kind: { type: String, enum: FIXTURE_KINDS, required: true }, count: Number }, closed),
      ],
      required: true,
    },
    accessible: { type: Boolean, required: true },
    dailyFootfall: { type: Number, required: true },
    restroomClass: { type: String, required: true, enum: RESTROOM_CLASSES },
  },
  closed,
);

const deviceSchema = new Schema(
  {
    kind: { type: String, required: true, enum: DEVICE_KINDS },
    watches: { type: new Schema({ assetId: String, placeId: String }, closed), required: true },
    reportingIntervalSeconds: { type: Number, required: true },
    power: { type: String, required: true, enum: ['battery', 'mains'] },
    link: { type: String, required: true, enum: ['wired', 'wireless'] },
    firmware: { type: String },
    key: {
      type: new Schema(
        {
          keyId: { type: String, required: true },
          hash: { type: String, required: true },
          issuedAt: Date,
          revokedAt: Date,
        },
        closed,
      ),
    },
  },
  closed,
);

export const assetSchema = new Schema<AssetDocument>(
  {
    _id: { type: String, required: true },
    assetClass: { type: String, required: true, enum: ASSET_CLASSES },
    name: { type: String, required: true },
    siteId: { type: String, required: true },
    zone: String,
    building: String,
    location: { type: new Schema({ x: Number, y: Number }, closed), required: true },
    criticality: { type: Number, required: true, min: 1, max: 5 },
    installedOn: { type: String, required: true },
    expectedLifeYears: { type: Number, required: true },
    replacementCostFen: { type: Number, required: true },
    status: { type: String, required: true, enum: ASSET_STATUSES },
    department: { type: String, required: true },
    road: roadSchema,
    restroom: restroomSchema,
    device: deviceSchema,
    condition: new Schema(
      { index: Number, grade: String, action: String, method: String, assessedAt: Date },
      closed,
    ),
    lastCalibratedAt: Date,
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'assets', strict: 'throw' },
);
assetSchema.plugin(aggregatePlugin);
// The list's filters and sort orders, each ending on _id so pages never overlap.
assetSchema.index({ assetClass: 1, _id: 1 });
assetSchema.index({ siteId: 1, _id: 1 });
assetSchema.index({ department: 1, _id: 1 });
assetSchema.index({ name: 1, _id: 1 });
assetSchema.index({ 'condition.index': 1, _id: 1 });
// Device authentication looks a key up by its id.
assetSchema.index({ 'device.key.keyId': 1 });

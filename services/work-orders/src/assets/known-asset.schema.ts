import { Schema } from 'mongoose';

/** What work orders need of an asset, kept from asset.state.v1: where it is and who answers for it. */
export interface KnownAsset {
  _id: string;
  version: number;
  assetClass: string;
  name: string;
  siteId: string;
  zoneId?: string;
  department: string;
  status: string;
  /** Visits a day (restrooms): what footfall-scaled rounds count by. */
  dailyFootfall?: number;
  /** When it was installed (YYYY-MM-DD): a device never calibrated counts its calibration age from it. */
  installedOn?: string;
  /** Monitoring devices: their newest calibration, what calibration-age plans count from. */
  lastCalibratedAt?: Date;
  updatedAt: Date;
}

export const KNOWN_ASSET_MODEL = 'KnownAsset';

export const knownAssetSchema = new Schema<KnownAsset>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    assetClass: { type: String, required: true },
    name: { type: String, required: true },
    siteId: { type: String, required: true },
    zoneId: String,
    department: { type: String, required: true },
    status: { type: String, required: true },
    dailyFootfall: Number,
    installedOn: String,
    lastCalibratedAt: Date,
    updatedAt: { type: Date, required: true },
  },
  { collection: 'known_assets', versionKey: false, strict: 'throw' },
);

import { Schema } from 'mongoose';

/**
 * An asset as asset-inventory last published it (asset.state.v1): what remedies are sized by and
 * risks weighed by, held here so budgeting never calls asset-inventory.
 */
export interface KnownAsset {
  _id: string;
  version: number;
  assetClass: 'road-segment' | 'restroom' | 'monitoring-device';
  name: string;
  siteId: string;
  zoneId?: string;
  buildingId?: string;
  department: string;
  criticality: number;
  status: string;
  size: { areaM2?: number; lengthM?: number; fixtures?: number; units?: number };
  dailyFootfall?: number;
  replacementCostFen: number;
  condition?: { index: number; grade?: string; action?: string; assessedAt: Date };
  updatedAt: Date;
}

export const KNOWN_ASSET_MODEL = 'KnownAsset';

export const knownAssetSchema = new Schema<KnownAsset>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true, min: 1 },
    assetClass: { type: String, required: true },
    name: { type: String, required: true },
    siteId: { type: String, required: true },
    zoneId: String,
    buildingId: String,
    department: { type: String, required: true },
    criticality: { type: Number, required: true },
    status: { type: String, required: true },
    size: { type: Schema.Types.Mixed, required: true },
    dailyFootfall: Number,
    replacementCostFen: { type: Number, required: true },
    condition: { type: Schema.Types.Mixed },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'known_assets', versionKey: false, strict: 'throw', minimize: false },
);

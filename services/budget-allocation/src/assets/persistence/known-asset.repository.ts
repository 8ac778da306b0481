import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { applyLatestState } from '@buqi/messaging';
import { KNOWN_ASSET_MODEL, type KnownAsset } from './known-asset.schema';

@Injectable()
export class KnownAssetRepository {
  constructor(@InjectModel(KNOWN_ASSET_MODEL) private readonly model: Model<KnownAsset>) {}

  /** Keeps the newest state; an older or repeated one changes nothing. */
  apply(asset: KnownAsset): Promise<'applied' | 'stale'> {
    return applyLatestState(this.model, asset);
  }

  async find(id: string): Promise<KnownAsset | undefined> {
    return (await this.model.findById(id).lean<KnownAsset>()) ?? undefined;
  }
}

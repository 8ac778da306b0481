import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import { applyLatestState } from '@buqi/messaging';
import { KNOWN_ASSET_MODEL, type KnownAsset } from './known-asset.schema';

/** The assets work-orders knows from asset.state.v1: the only user of their model. */
@Injectable()
export class KnownAssets {
  constructor(@InjectModel(KNOWN_ASSET_MODEL) private readonly model: Model<KnownAsset>) {}

  /** Keeps the newest state; an older or repeated one changes nothing. */
  apply(asset: KnownAsset): Promise<'applied' | 'stale'> {
    return applyLatestState(this.model, asset);
  }

  async find(id: string): Promise<KnownAsset | undefined> {
    return (await this.model.findById(id).lean<KnownAsset>()) ?? undefined;
  }

  findMany(ids: readonly string[]): Promise<KnownAsset[]> {
    return this.model.find({ _id: mongoose.trusted({ $in: [...ids] }) }).lean<KnownAsset[]>();
  }
}

import { Injectable } from '@nestjs/common';
import { AssetRepository, type StoredAsset } from '../persistence/asset.repository';

/**
 * How long an asset read for telemetry is trusted. A device reporting every few seconds would
 * otherwise read itself and the restroom it watches with every batch; a change (taken out of
 * service, another hygiene class) is seen within this time.
 */
export const RECENT_ASSET_MS = 10_000;

/**
 * Assets as read at most RECENT_ASSET_MS ago, for the hot paths of telemetry. An absent asset is read
 * again each time: one registered a moment ago is found at once.
 */
@Injectable()
export class RecentAssets {
  private readonly recent = new Map<string, { asset: StoredAsset; readAt: number }>();

  constructor(private readonly assets: AssetRepository) {}

  async find(code: string, now = Date.now()): Promise<StoredAsset | undefined> {
    const cached = this.recent.get(code);
    if (cached && now - cached.readAt < RECENT_ASSET_MS) return cached.asset;
    const asset = await this.assets.find(code);
    if (asset) this.recent.set(code, { asset, readAt: now });
    else this.recent.delete(code);
    return asset;
  }
}

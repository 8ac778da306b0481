import { Injectable } from '@nestjs/common';
import { AssetStateV1, type EnvelopeOf } from '@buqi/contracts';
import { OnEvent } from '@buqi/messaging';
import { KnownAssets } from './known-assets';

/** Keeps each asset's department and place from asset.state.v1 (compacted: a new instance replays it). */
@Injectable()
export class AssetStateConsumer {
  constructor(private readonly assets: KnownAssets) {}

  @OnEvent(AssetStateV1)
  async handle(event: EnvelopeOf<typeof AssetStateV1>): Promise<void> {
    const d = event.data;
    await this.assets.apply({
      _id: d.assetId,
      version: d.version,
      assetClass: d.assetClass,
      name: d.name,
      siteId: d.siteId,
      ...(d.zoneId && { zoneId: d.zoneId }),
      department: d.department,
      status: d.status,
      ...(d.dailyFootfall !== undefined && { dailyFootfall: d.dailyFootfall }),
      installedOn: d.installedOn,
      ...(d.lastCalibratedAt && { lastCalibratedAt: new Date(d.lastCalibratedAt) }),
      updatedAt: new Date(d.updatedAt),
    });
  }
}

import { Injectable } from '@nestjs/common';
import { AssetStateV1, type EnvelopeOf } from '@buqi/contracts';
import { OnEvent } from '@buqi/messaging';
import { OccupantRequests } from '../use-cases/occupant-requests';

/** Keeps each asset's department and place from asset.state.v1 (compacted: a new instance replays it). */
@Injectable()
export class AssetStateConsumer {
  constructor(private readonly requests: OccupantRequests) {}

  @OnEvent(AssetStateV1)
  async handle(event: EnvelopeOf<typeof AssetStateV1>): Promise<void> {
    const d = event.data;
    await this.requests.knowAsset({
      _id: d.assetId,
      version: d.version,
      assetClass: d.assetClass,
      name: d.name,
      siteId: d.siteId,
      ...(d.zoneId && { zoneId: d.zoneId }),
      department: d.department,
      status: d.status,
      updatedAt: new Date(d.updatedAt),
    });
  }
}

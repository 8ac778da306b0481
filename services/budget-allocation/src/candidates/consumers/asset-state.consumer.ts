import { Injectable } from '@nestjs/common';
import { AssetStateV1, type EnvelopeOf } from '@buqi/contracts';
import { OnEvent } from '@buqi/messaging';
import { KnownAssetRepository } from '../../assets/persistence/known-asset.repository';
import { ReconsiderCandidates } from '../use-cases/reconsider-candidates.use-case';

/**
 * Keeps every asset's newest state from asset.state.v1 (compacted: a new instance replays it), then
 * considers again the asset's candidates that could not be costed without it. Also when the state
 * was already applied: a crash may have come between the two.
 */
@Injectable()
export class AssetStateConsumer {
  constructor(
    private readonly assets: KnownAssetRepository,
    private readonly reconsider: ReconsiderCandidates,
  ) {}

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
      ...(d.buildingId && { buildingId: d.buildingId }),
      department: d.department,
      criticality: d.criticality,
      status: d.status,
      size: d.size,
      ...(d.dailyFootfall !== undefined && { dailyFootfall: d.dailyFootfall }),
      replacementCostFen: d.replacementCostFen,
      ...(d.condition && { condition: { ...d.condition, assessedAt: new Date(d.condition.assessedAt) } }),
      updatedAt: new Date(d.updatedAt),
    });
    await this.reconsider.ofAsset(d.assetId);
  }
}

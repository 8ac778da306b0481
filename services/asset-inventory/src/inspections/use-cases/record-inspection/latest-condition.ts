import { Injectable } from '@nestjs/common';
import type { Caller } from '@buqi/auth';
import { EventPublisher, VersionConflictError } from '@buqi/messaging';
import { assetStateEntry } from '../../../assets/events/asset-state.event';
import { AssetRepository, type StoredAsset } from '../../../assets/persistence/asset.repository';
import { replacesLatest } from '../../domain/assess-inspection';
import { InspectionRepository, type StoredInspection } from '../../persistence/inspection.repository';
import { conditionSummaryOf } from './inspection-record';

/** Attempts at the asset's guarded write before a conflict is reported. */
export const MAX_ATTEMPTS = 5;

/**
 * Keeps an asset's latest condition that of its newest assessed inspection, and a device's last
 * calibration that of its newest calibration: the state and its asset.state.v1 event in one write
 * guarded by the version read. A concurrent change of the asset (a
 * rename, say) makes the write stale: the asset is read again and the write retried, a bounded number
 * of times, so an inspection does not fail for it. Working from the history rather than from one
 * inspection also repairs a condition left behind by a crash between storing an inspection and
 * this write, the next time the asset is inspected.
 */
@Injectable()
export class LatestCondition {
  constructor(
    private readonly assets: AssetRepository,
    private readonly inspections: InspectionRepository,
    private readonly events: EventPublisher,
  ) {}

  async refresh(
    read: StoredAsset,
    caller: Pick<Caller, 'actor' | 'now'>,
  ): Promise<{ asset: StoredAsset; applied?: StoredInspection }> {
    let asset = read;
    for (let attempt = 1; ; attempt++) {
      const newest = await this.inspections.newest(asset.code, { withCondition: true });
      const assessed = newest && conditionSummaryOf(newest);
      const newCondition =
        assessed && replacesLatest(assessed.assessedAt, asset.condition) ? assessed : undefined;
      const calibratedAt = await this.newerCalibration(asset);
      if (!newCondition && !calibratedAt) return { asset };
      const condition = newCondition ?? asset.condition;
      const lastCalibratedAt = calibratedAt ?? asset.lastCalibratedAt;
      try {
        const saved = await this.assets.save(
          asset,
          asset.version,
          caller.actor.id,
          caller.now,
          [assetStateEntry(this.events, asset, asset.version + 1, caller, condition, lastCalibratedAt)],
          { ...(condition && { condition }), ...(lastCalibratedAt && { lastCalibratedAt }) },
        );
        return { asset: saved, ...(newCondition && { applied: newest }) };
      } catch (err) {
        if (!(err instanceof VersionConflictError) || attempt >= MAX_ATTEMPTS) throw err;
        asset = await this.assets.get(asset.code);
      }
    }
  }

  /** A device's newest calibration on record, when it is newer than the one its state carries. */
  private async newerCalibration(asset: StoredAsset): Promise<Date | undefined> {
    if (asset.assetClass !== 'monitoring-device') return undefined;
    const at = (await this.inspections.newestCalibration(asset.code))?.inspectedAt;
    return at && (!asset.lastCalibratedAt || at > asset.lastCalibratedAt) ? at : undefined;
  }
}

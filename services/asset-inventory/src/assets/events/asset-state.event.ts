import { AssetStateV1, type DataOf } from '@buqi/contracts';
import type { Caller } from '@buqi/auth';
import type { EventPublisher, OutboxEntry } from '@buqi/messaging';
import type { Asset } from '../domain/asset';
import type { ConditionSummary } from '../persistence/asset.schema';

/** What quantities of work on the asset are priced against. */
function sizeOf(asset: Asset): DataOf<typeof AssetStateV1>['size'] {
  switch (asset.assetClass) {
    case 'road-segment':
      return { areaM2: asset.road.areaM2, lengthM: asset.road.lengthM };
    case 'restroom':
      return { fixtures: asset.restroom.fixtures.reduce((n, f) => n + f.count, 0) };
    case 'monitoring-device':
      return { units: 1 };
  }
}

/**
 * The asset.state.v1 event of an asset as it will be at `version`, stored with that write: every
 * change of the asset (and of its condition) publishes its whole state, keyed by its code.
 */
export function assetStateEntry(
  events: EventPublisher,
  asset: Asset,
  version: number,
  caller: Pick<Caller, 'actor' | 'now'>,
  condition?: ConditionSummary,
  lastCalibratedAt?: Date,
): OutboxEntry {
  return events.entry(
    AssetStateV1,
    {
      assetId: asset.code,
      assetClass: asset.assetClass,
      name: asset.name,
      siteId: asset.siteId,
      ...(asset.zone && { zoneId: `${asset.siteId}-${asset.zone}` }),
      ...(asset.building && { buildingId: `${asset.siteId}-${asset.building}` }),
      department: asset.department,
      criticality: asset.criticality,
      status: asset.status,
      size: sizeOf(asset),
      installedOn: asset.installedOn,
      expectedLifeYears: asset.expectedLifeYears,
      replacementCostFen: asset.replacementCostFen,
      ...(asset.assetClass === 'restroom' && { dailyFootfall: asset.restroom.dailyFootfall }),
      ...(condition && {
        condition: {
          index: condition.index,
          ...(condition.grade && { grade: condition.grade }),
          ...(condition.action && { action: condition.action }),
          assessedAt: condition.assessedAt.toISOString(),
        },
      }),
      ...(lastCalibratedAt && { lastCalibratedAt: lastCalibratedAt.toISOString() }),
      version,
      updatedAt: caller.now.toISOString(),
    },
    { actor: caller.actor, time: caller.now },
  ).entry;
}

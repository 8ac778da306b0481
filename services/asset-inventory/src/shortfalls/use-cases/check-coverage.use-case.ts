import { Injectable } from '@nestjs/common';
import {
  findCoverageGaps,
  MONITORING_REQUIREMENTS,
  type DeviceStatus,
  type InstalledDevice,
} from '@buqi/domain-shortfalls';
import type { AssetStatus } from '../../assets/domain/asset';
import { AssetRepository, type StoredAsset } from '../../assets/persistence/asset.repository';
import { ShortfallBook } from '../persistence/shortfall-book';

/** What monitoring a restroom must have (没有技术手段,精准防控就没法实现): an odour sensor. */
const RESTROOM_REQUIREMENTS = MONITORING_REQUIREMENTS.filter((r) => r.placeKind === 'restroom');

/** How an asset's status counts for coverage: a device out of service or retired does not monitor. */
const COVERAGE_STATUS: Readonly<Record<AssetStatus, DeviceStatus>> = {
  'in-service': 'active',
  'under-maintenance': 'degraded',
  'out-of-service': 'failed',
  retired: 'retired',
};

export interface CoverageReport {
  restroomsChecked: number;
  gaps: number;
}

/**
 * Checks every restroom in use for the monitoring devices it must have, opening a coverage-gap
 * shortfall on the restroom when one is missing or none works, and clearing it once one does. A
 * device counts for the restroom it watches, by its asset status; a device that is silent is the
 * device-offline rule's concern, on the device.
 */
@Injectable()
export class CheckCoverage {
  constructor(
    private readonly assets: AssetRepository,
    private readonly book: ShortfallBook,
  ) {}

  async execute(at = new Date()): Promise<CoverageReport> {
    const restrooms: StoredAsset[] = [];
    for await (const r of this.assets.each({ assetClass: 'restroom' }))
      if (r.status !== 'retired') restrooms.push(r);
    const watching = new Map<string, InstalledDevice[]>();
    for await (const d of this.assets.each({ assetClass: 'monitoring-device' })) {
      if (d.assetClass !== 'monitoring-device' || !('assetId' in d.device.watches)) continue;
      const placeId = d.device.watches.assetId;
      const installed = { id: d.code, placeId, kind: d.device.kind, status: COVERAGE_STATUS[d.status] };
      watching.set(placeId, [...(watching.get(placeId) ?? []), installed]);
    }
    let gaps = 0;
    for (const restroom of restrooms) {
      const found = findCoverageGaps({
        places: [{ id: restroom.code, kind: 'restroom', name: restroom.name }],
        devices: watching.get(restroom.code) ?? [],
        requirements: RESTROOM_REQUIREMENTS,
      });
      for (const requirement of RESTROOM_REQUIREMENTS) {
        const rule = `coverage:${requirement.deviceKind}`;
        const gap = found.find((g) => g.deviceKind === requirement.deviceKind);
        if (!gap) {
          await this.book.clear(restroom, 'coverage-gap', rule, at, 'coverage check');
          continue;
        }
        gaps++;
        await this.book.detect(restroom, {
          kind: 'coverage-gap',
          rule,
          severity: gap.severity,
          safetyCritical: gap.safetyCritical,
          evidence: gap.evidence,
          at,
        });
      }
    }
    return { restroomsChecked: restrooms.length, gaps };
  }
}

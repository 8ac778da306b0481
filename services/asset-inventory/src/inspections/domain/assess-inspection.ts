import { DomainValidationError } from '@buqi/domain-kernel';
import type { Asset, AssetClass } from '../../assets/domain/asset';
import type { Assessment, InspectionSheet } from './inspection';
import { assessRestroom } from './restroom-assessment';
import { assessRoad } from './road-assessment';

/** The parts of a sheet each class takes. */
const PARTS: Readonly<Record<AssetClass, readonly (keyof InspectionSheet)[]>> = {
  'road-segment': ['pavement', 'dust'],
  restroom: ['restroom'],
  'monitoring-device': ['calibration'],
};

const MISSING: Readonly<Record<AssetClass, string>> = {
  'road-segment': 'a road segment’s inspection records its pavement, its dust load, or both',
  restroom: 'a restroom’s inspection records its fixtures, odour, cleanliness, leaks and ventilation',
  'monitoring-device':
    'a monitoring device’s condition comes from its telemetry: its inspection records a calibration',
};

/**
 * What an inspection of `asset` found, by the condition models of its class. Parts of another class
 * are refused, and so is a sheet with none of its class's parts; each model names what it refuses.
 */
export function assessInspection(asset: Asset, sheet: InspectionSheet): Assessment {
  const parts = PARTS[asset.assetClass];
  for (const part of Object.keys(sheet) as (keyof InspectionSheet)[]) {
    if (sheet[part] !== undefined && !parts.includes(part))
      throw new DomainValidationError(
        part,
        sheet[part],
        `is not inspected on a ${asset.assetClass} (${asset.code} takes ${parts.join(' or ')})`,
      );
  }
  if (!parts.some((p) => sheet[p] !== undefined))
    throw new DomainValidationError(parts[0], undefined, MISSING[asset.assetClass]);
  switch (asset.assetClass) {
    case 'road-segment':
      return assessRoad(asset.code, asset.road, sheet);
    case 'restroom':
      return assessRestroom(
        asset.code,
        asset.restroom,
        sheet.restroom as NonNullable<InspectionSheet['restroom']>,
      );
    case 'monitoring-device':
      return { ...(sheet.calibration && { calibration: sheet.calibration }) };
  }
}

/**
 * When the inspection took place: the time given, or now. Not in the future, and not before the
 * asset was installed.
 */
export function inspectionTime(given: Date | undefined, now: Date, installedOn: string): Date {
  const at = given ?? now;
  if (Number.isNaN(at.getTime()))
    throw new DomainValidationError('inspectedAt', given, 'is not a valid time');
  if (at.getTime() > now.getTime())
    throw new DomainValidationError(
      'inspectedAt',
      at.toISOString(),
      `is in the future (now ${now.toISOString()})`,
    );
  if (at.getTime() < Date.parse(`${installedOn}T00:00:00Z`))
    throw new DomainValidationError(
      'inspectedAt',
      at.toISOString(),
      `is before the asset was installed (${installedOn})`,
    );
  return at;
}

/**
 * Whether a condition assessed at `at` replaces the asset's latest one: only a later assessment does.
 * An older inspection (entered late, say) stays in the history and changes nothing current.
 */
export function replacesLatest(at: Date, latest: { assessedAt: Date } | undefined): boolean {
  return latest === undefined || at.getTime() > latest.assessedAt.getTime();
}

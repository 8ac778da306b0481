import { multiply, type Fen } from '@buqi/domain-money';

type AssetClass = 'road-segment' | 'restroom' | 'monitoring-device';
type ShortfallKind = 'below-quality-standard' | 'sensor-threshold' | 'device-offline' | 'coverage-gap';

/** What an option's quantity is measured by: the shortfall's damage, the asset's area, or one unit. */
export type QuantityBasis = 'damage' | 'area' | 'one';

/** A way to remedy a shortfall: a task type of the quota catalogue and what its quantity is. */
export interface RemedyOption {
  readonly option: string;
  readonly taskType: string;
  readonly basis: QuantityBasis;
  readonly description: string;
  /** Years the remedy keeps the asset up to standard: what a plan weighs its benefit by. */
  readonly lifetimeYears: number;
  /** The envelope a plan pays it from: renewals from capital, repairs from maintenance. */
  readonly envelope: 'maintenance' | 'capital';
}

const patch: RemedyOption = {
  option: 'patch',
  taskType: 'pothole-patch',
  basis: 'damage',
  description: 'Patch the damaged area: cheap, short-lived',
  lifetimeYears: 2,
  envelope: 'maintenance',
};
const resurface: RemedyOption = {
  option: 'resurface',
  taskType: 'resurfacing',
  basis: 'area',
  description: 'Resurface the whole segment: dear, long-lived',
  lifetimeYears: 12,
  envelope: 'capital',
};
const fixtures: RemedyOption = {
  option: 'replace-fixtures',
  taskType: 'fixture-replacement',
  basis: 'damage',
  description: 'Replace the fixtures out of order',
  lifetimeYears: 8,
  envelope: 'maintenance',
};
const repairDevice: RemedyOption = {
  option: 'repair-device',
  taskType: 'device-repair',
  basis: 'one',
  description: 'Repair or replace the device',
  lifetimeYears: 3,
  envelope: 'maintenance',
};
const installSensor: RemedyOption = {
  option: 'install-sensor',
  taskType: 'sensor-installation',
  basis: 'one',
  description: 'Install the monitoring the place lacks',
  lifetimeYears: 6,
  envelope: 'capital',
};
const odour: RemedyOption = {
  option: 'odour-remediation',
  taskType: 'odour-remediation',
  basis: 'one',
  description: 'Find and remove the source of the odour (drains, ventilation, deep cleaning)',
  lifetimeYears: 1,
  envelope: 'maintenance',
};

const ALL = [patch, resurface, fixtures, repairDevice, installSensor, odour];

/** A remedy by its option name (as a candidate stores it). */
export function remedyByOption(option: string): RemedyOption | undefined {
  return ALL.find((o) => o.option === option);
}

/**
 * The options a shortfall offers, by asset class, kind and the maintenance action its condition calls
 * for (data: the bureau can change it). A road whose grade asks for a minor or medium repair can be
 * patched or resurfaced; a major repair or reconstruction only resurfaced; a dust-only finding calls
 * for routine sweeping, which is not an investment (ADR 0010), so it offers nothing.
 */
export function remedyOptions(assetClass: AssetClass, kind: ShortfallKind, action?: string): RemedyOption[] {
  switch (`${assetClass}/${kind}`) {
    case 'road-segment/below-quality-standard':
      if (action === 'major-repair' || action === 'reconstruction') return [resurface];
      if (action === 'minor-repair' || action === 'medium-repair') return [patch, resurface];
      return [];
    case 'restroom/below-quality-standard':
      return [fixtures];
    case 'restroom/sensor-threshold':
      return [odour];
    case 'restroom/coverage-gap':
      return [installSensor];
    case 'monitoring-device/below-quality-standard':
    case 'monitoring-device/device-offline':
    case 'monitoring-device/sensor-threshold':
      return [repairDevice];
    default:
      return [];
  }
}

/** A quantity to price: 42.5 (m2), 3 (fixtures), 1 (unit). */
export interface Quantity {
  readonly value: number;
  readonly unit: string;
}

/** The quantity an option is priced on, or why there is none (no damage measured, no area known). */
export function quantityOf(
  basis: QuantityBasis,
  damage: Quantity | undefined,
  areaM2: number | undefined,
): Quantity | { missing: string } {
  switch (basis) {
    case 'damage':
      return damage ? damage : { missing: 'the shortfall carries no damaged quantity' };
    case 'area':
      return areaM2 !== undefined
        ? { value: areaM2, unit: 'm2' }
        : { missing: 'the asset’s area is not known yet' };
    case 'one':
      return { value: 1, unit: 'unit' };
  }
}

/** Quantity × unit price, exact to the fen (quantities in hundredths, rounded half up). */
export function costOf(quantity: number, unitPriceFen: Fen): Fen {
  return multiply(unitPriceFen, Math.round(quantity * 100), 100);
}

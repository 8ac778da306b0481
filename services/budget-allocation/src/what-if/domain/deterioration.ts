import { ASSET_CLASSES, type AssetClass } from '@buqi/domain-risk';
import { array, DomainValidationError, finite, record, text } from '@buqi/domain-kernel';

/**
 * How fast an asset class loses condition: index points (0–100) lost in a year, read off the
 * condition at the start of the year, straight between points and flat beyond the first and last.
 * Condition stands in for age: a backlog item's age is seldom known, its condition always is, and
 * on a curve that only falls each condition belongs to one age.
 */
export interface DeteriorationCurve {
  readonly assetClass: AssetClass;
  /** [condition, index points lost per year], conditions strictly increasing within 0–100. */
  readonly points: readonly (readonly [condition: number, lossPerYear: number])[];
  /** Where the shape comes from, and that the figures are defaults. */
  readonly source: string;
}

export type DeteriorationCurves = Readonly<Record<AssetClass, DeteriorationCurve>>;

/**
 * The bureau's default curves: data, to be replaced by curves fitted to its own inspection history.
 * The figures are Buqi's, chosen to be plausible for a low-traffic government campus; only the
 * shapes follow the sources named.
 */
export const DEFAULT_DETERIORATION: DeteriorationCurves = {
  // Shape: the PCI-versus-age family curves of asphalt pavements (M. Y. Shahin, "Pavement Management
  // for Airports, Roads, and Parking Lots", the PAVER method): a few points a year while new, steepest
  // between PCI 70 and 40 (the "critical PCI" past which repair turns into reconstruction), flatter
  // again near failure. Here 100 → 70 takes about 11 years and 70 → 40 about 4.
  'road-segment': {
    assetClass: 'road-segment',
    points: [
      [0, 3],
      [25, 6],
      [40, 8],
      [55, 7],
      [70, 5],
      [85, 3],
      [100, 1.5],
    ],
    source:
      'Shape of the PCI-versus-age curves of asphalt roads (Shahin, PAVER): slow while new, steepest between PCI 70 and 40. Figures: the bureau’s defaults, changeable.',
  },
  // Shape: building-component condition-index curves (the US Army Corps of Engineers' BUILDER
  // sustainment management system): a slow start, faster once fixtures fail and leaks spread damage.
  restroom: {
    assetClass: 'restroom',
    points: [
      [0, 4],
      [40, 6],
      [70, 4],
      [100, 2.5],
    ],
    source:
      'Shape of building-component condition-index curves (BUILDER SMS): slow at first, faster once fixtures fail and leaks spread. Figures: the bureau’s defaults, changeable.',
  },
  // Shape: the wear-out end of the reliability "bathtub" curve of electronics; gas sensors drift and
  // batteries fade, so a device declines slowly for some years, then quickly.
  'monitoring-device': {
    assetClass: 'monitoring-device',
    points: [
      [0, 6],
      [40, 15],
      [60, 12],
      [80, 5],
      [100, 3],
    ],
    source:
      'Shape of the wear-out phase of the reliability bathtub curve (sensor drift, battery fade): slow for some years, then fast. Figures: the bureau’s defaults, changeable.',
  },
};

/**
 * The condition a funded remedy leaves its asset at, by option (an option not listed: 100). A patch
 * mends the damage but not the old surface around it; removing an odour does not renew the room.
 * The bureau's defaults, changeable.
 */
export const RESTORED_CONDITION: Readonly<Record<string, number>> = {
  patch: 85,
  resurface: 100,
  'replace-fixtures': 100,
  'repair-device': 100,
  'install-sensor': 100,
  'odour-remediation': 90,
};

export function restoredCondition(option: string): number {
  return RESTORED_CONDITION[option] ?? 100;
}

/** Index points a curve takes off in a year from `condition`. */
export function lossPerYear(curve: DeteriorationCurve, condition: number): number {
  const { points } = curve;
  if (condition <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i];
    if (condition <= x1) {
      const [x0, y0] = points[i - 1];
      return y0 + ((y1 - y0) * (condition - x0)) / (x1 - x0);
    }
  }
  return points[points.length - 1][1];
}

/** The condition after one more year on the curve (never below 0). */
export function deteriorate(curve: DeteriorationCurve, condition: number): number {
  return Math.max(0, condition - lossPerYear(curve, condition));
}

/**
 * Checks curves given as data: one per asset class, each with at least one point, conditions
 * strictly increasing within 0–100, losses within 0–100, and no stretch where a point of condition
 * costs a point of loss or more — so a better asset never ends a year below a worse one.
 */
export function validCurves(value: unknown, field = 'curves'): DeteriorationCurves {
  const curves = record(field, value);
  const result = {} as Record<AssetClass, DeteriorationCurve>;
  for (const assetClass of ASSET_CLASSES) {
    const f = `${field}.${assetClass}`;
    const curve = record(f, curves[assetClass]);
    const points = array<unknown>(`${f}.points`, curve['points'], 1).map((p, i) => {
      const pair = array<unknown>(`${f}.points[${i}]`, p, 2);
      if (pair.length !== 2)
        throw new DomainValidationError(`${f}.points[${i}]`, p, 'must be [condition, loss]');
      return [
        finite(`${f}.points[${i}][0]`, pair[0], { min: 0, max: 100 }),
        finite(`${f}.points[${i}][1]`, pair[1], { min: 0, max: 100 }),
      ] as const;
    });
    points.forEach(([x, y], i) => {
      if (i === 0) return;
      const [x0, y0] = points[i - 1];
      if (x <= x0)
        throw new DomainValidationError(
          `${f}.points[${i}][0]`,
          x,
          `must be above the condition before it (${x0})`,
        );
      if ((y - y0) / (x - x0) >= 1)
        throw new DomainValidationError(
          `${f}.points[${i}][1]`,
          y,
          'rises a point of loss or more per point of condition from the point before: a better asset would end the year worse',
        );
    });
    result[assetClass] = { assetClass, points, source: text(`${f}.source`, curve['source'], 1000) };
  }
  return result;
}

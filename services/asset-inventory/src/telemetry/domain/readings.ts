/** A reading as a device or gateway sent it, before it is checked. */
export interface IncomingReading {
  readonly metric: string;
  /** null when the sensor gave no value (some firmwares send that rather than leave the reading out). */
  readonly value: number | null;
  readonly unit: string;
  /** ISO 8601 date-time with its offset: when the device measured it. */
  readonly at: string;
}

/** A reading that passed its checks: what is stored. */
export interface Reading {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly at: Date;
}

/** A reading refused, named by its place in the batch. */
export interface RefusedReading {
  readonly index: number;
  /** e.g. `readings[3].at` */
  readonly field: string;
  readonly value?: unknown;
  readonly reason: string;
}

export interface ReadingRules {
  /** When the batch reached the platform: the clock readings are judged by. */
  readonly receivedAt: Date;
  /** How far after `receivedAt` a measurement time may lie (clocks of devices drift). */
  readonly clockSkewMs: number;
  /** Readings older than this are refused: they would be purged at once. */
  readonly retentionMs: number;
  /** The unit the device already reports each metric in. */
  readonly knownUnits: Readonly<Record<string, string>>;
}

export interface SortedReadings {
  readonly accepted: readonly Reading[];
  readonly refused: readonly RefusedReading[];
}

/** The metric names of device.telemetry.v1. */
export const METRIC = /^[a-z][a-z0-9_.]{0,63}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Checks each reading of a batch on its own: the valid ones are kept and each invalid one is named
 * by its index with the reason, so one bad sample does not cost the batch. A metric keeps the unit
 * it was first reported in (a series in two units would mislead every rule that reads it).
 */
export function sortReadings(readings: readonly IncomingReading[], rules: ReadingRules): SortedReadings {
  const accepted: Reading[] = [];
  const refused: RefusedReading[] = [];
  const units = new Map(Object.entries(rules.knownUnits));
  readings.forEach((r, index) => {
    const problem = problemOf(r, rules, units);
    if (problem) {
      refused.push({
        index,
        field: `readings[${index}].${problem.field}`,
        value: problem.value,
        reason: problem.reason,
      });
      return;
    }
    units.set(r.metric, r.unit);
    accepted.push({ metric: r.metric, value: r.value as number, unit: r.unit, at: new Date(r.at) });
  });
  return { accepted, refused };
}

function problemOf(
  r: IncomingReading,
  rules: ReadingRules,
  units: ReadonlyMap<string, string>,
): { field: keyof IncomingReading; value: unknown; reason: string } | undefined {
  if (!METRIC.test(r.metric))
    return {
      field: 'metric',
      value: r.metric,
      reason: 'must be 1–64 lowercase letters, digits, "_" or ".", starting with a letter',
    };
  if (r.unit.trim() === '' || r.unit.length > 16)
    return { field: 'unit', value: r.unit, reason: 'must be 1–16 characters' };
  if (r.value === null) return { field: 'value', value: null, reason: 'is null: the sensor gave no value' };
  if (!Number.isFinite(r.value)) return { field: 'value', value: r.value, reason: 'must be a finite number' };
  const at = DATE_TIME.test(r.at) ? Date.parse(r.at) : Number.NaN;
  if (Number.isNaN(at))
    return {
      field: 'at',
      value: r.at,
      reason: 'must be an ISO 8601 date-time with its offset, e.g. 2026-03-02T08:00:00Z',
    };
  const ahead = at - rules.receivedAt.getTime();
  if (ahead > rules.clockSkewMs)
    return {
      field: 'at',
      value: r.at,
      reason:
        `lies ${Math.round(ahead / 1000)} s after the batch was received (${rules.receivedAt.toISOString()}), ` +
        `beyond the ${minutes(rules.clockSkewMs)}-min clock-skew tolerance: the device's clock is wrong`,
    };
  if (-ahead > rules.retentionMs)
    return {
      field: 'at',
      value: r.at,
      reason: `is older than the ${round(rules.retentionMs / DAY_MS)}-day retention of readings`,
    };
  const unit = units.get(r.metric);
  if (unit !== undefined && unit !== r.unit)
    return {
      field: 'unit',
      value: r.unit,
      reason: `must be ${unit}, the unit this device reports ${r.metric} in`,
    };
  return undefined;
}

const round = (n: number) => Math.round(n * 10) / 10;
const minutes = (ms: number) => round(ms / MINUTE_MS);

/**
 * Metrics for which a lower value is the worse one (a weak battery or signal, too little oxygen).
 * For every other metric — concentrations of NH3, H2S, PM2.5, a leak or smoke state — higher is worse.
 */
export const LOWER_IS_WORSE: ReadonlySet<string> = new Set([
  'battery',
  'battery_pct',
  'signal',
  'signal_dbm',
  'rssi',
  'snr',
  'o2',
  'oxygen',
]);

/**
 * Which of two values measured at the same time is kept: the worse one, as the sensor rules keep it
 * (`readingSeries`). Arrival order cannot decide (telemetry carries no receive time per reading), and
 * keeping the worse errs towards reporting a problem.
 */
export function keepOf(metric: string): 'max' | 'min' {
  return LOWER_IS_WORSE.has(metric) ? 'min' : 'max';
}

import { DomainValidationError, finite, oneOf, positive, record, text } from '@buqi/domain-kernel';
import { evidenceLines, severityAt, type Finding } from './finding';
import { duration, iso, MINUTE_MS, num } from './format';
import { readingSeries, type SensorReading } from './sensor-readings';

/** "`metric` above (or below) `threshold` for at least `minDurationMinutes`", e.g. NH3 above 1 ppm for 15 min. */
export interface SensorWindowRule {
  readonly id: string;
  readonly metric: string;
  readonly unit: string;
  readonly direction: 'above' | 'below';
  /** Not zero: severity measures the excess relative to it. */
  readonly threshold: number;
  readonly minDurationMinutes: number;
  /** Consecutive readings further apart than this break a run: no evidence across silence. */
  readonly maxGapMinutes: number;
}

export interface SensorThresholdFinding extends Finding<'sensor-threshold'> {
  readonly ruleId: string;
  readonly metric: string;
  readonly unit: string;
  readonly direction: 'above' | 'below';
  readonly threshold: number;
  readonly start: Date;
  readonly end: Date;
  readonly durationMinutes: number;
  readonly readingsInInterval: number;
  /** The worst reading of the interval: highest for `above`, lowest for `below` (earliest on a tie). */
  readonly peak: { readonly value: number; readonly at: Date };
  /** |peak − threshold| / |threshold|. */
  readonly relativeExcess: number;
  readonly qualifyingIntervals: number;
  /** The interval runs up to the latest reading of the metric. */
  readonly ongoing: boolean;
  readonly distinctReadings: number;
  readonly conflictingTimestamps: number;
}

/**
 * A value past the rule's threshold in its direction. Readings that do not are never part of an
 * exceedance: a batch with none of them cannot open one (it can only end or split a run).
 */
export function exceedsThreshold(
  rule: Pick<SensorWindowRule, 'direction' | 'threshold'>,
  value: number,
): boolean {
  return rule.direction === 'above' ? value > rule.threshold : value < rule.threshold;
}

interface Run {
  readonly first: number;
  readonly last: number;
}

/**
 * Finds sustained exceedances in a metric's readings and reports the longest one that lasted at
 * least the rule's minimum (the earliest on a tie), or nothing. A run's duration is from its first
 * to its last exceeding reading: time before or after is not evidence.
 */
export function evaluateSensorWindow(
  rule: SensorWindowRule,
  readings: readonly SensorReading[],
): SensorThresholdFinding[] {
  const r = validateRule(rule);
  const series = readingSeries(readings, r.metric, r.unit, r.direction === 'above' ? 'max' : 'min');
  const points = series.readings;
  const exceeds = (v: number) => exceedsThreshold(r, v);
  const minutes = (a: number, b: number) => (points[b].at.getTime() - points[a].at.getTime()) / MINUTE_MS;

  const runs: Run[] = [];
  let open: Run | undefined;
  points.forEach((p, n) => {
    if (!exceeds(p.value)) {
      open = undefined;
      return;
    }
    if (open !== undefined && minutes(open.last, n) <= r.maxGapMinutes) {
      open = { first: open.first, last: n };
      runs[runs.length - 1] = open;
    } else {
      open = { first: n, last: n };
      runs.push(open);
    }
  });
  const qualifying = runs.filter((run) => minutes(run.first, run.last) >= r.minDurationMinutes);
  if (qualifying.length === 0) return [];
  const longest = qualifying.reduce((best, run) =>
    minutes(run.first, run.last) > minutes(best.first, best.last) ? run : best,
  );

  let peak = points[longest.first];
  for (let n = longest.first + 1; n <= longest.last; n++) {
    const worse = r.direction === 'above' ? points[n].value > peak.value : points[n].value < peak.value;
    if (worse) peak = points[n];
  }
  const durationMinutes = minutes(longest.first, longest.last);
  const relativeExcess = Math.abs(peak.value - r.threshold) / Math.abs(r.threshold);
  const intensity = relativeExcess >= 2 ? 3 : relativeExcess >= 1 ? 2 : relativeExcess >= 0.5 ? 1 : 0;
  const span = r.minDurationMinutes === 0 ? 0 : durationMinutes / r.minDurationMinutes;
  const persistence = span >= 4 ? 2 : span >= 2 ? 1 : 0;
  const severity = severityAt(intensity + persistence);
  const ongoing = longest.last === points.length - 1;
  const start = points[longest.first].at;
  const end = points[longest.last].at;
  const count = longest.last - longest.first + 1;

  const evidence = [
    `${r.metric} ${r.direction} ${num(r.threshold)} ${r.unit} from ${iso(start)} to ${iso(end)}: ` +
      `${duration(durationMinutes)} over ${count} reading(s) at most ${num(r.maxGapMinutes)} min apart ` +
      `(rule ${r.id}: at least ${num(r.minDurationMinutes)} min)${ongoing ? ', still so at the latest reading' : ''}`,
    `${r.direction === 'above' ? 'peak' : 'lowest'} ${num(peak.value)} ${r.unit} at ${iso(peak.at)}, ` +
      `${num(relativeExcess * 100)}% ${r.direction} the threshold`,
    `severity ${severity}: intensity ${intensity} (excess ${num(relativeExcess * 100)}%; steps at 50, 100, 200%) ` +
      `+ persistence ${persistence} (${num(span)} × the minimum duration; steps at 2 and 4)`,
  ];
  if (qualifying.length > 1) {
    evidence.push(`${qualifying.length} intervals qualified; the longest is reported`);
  }
  if (series.conflictingTimestamps > 0) {
    evidence.push(
      `${series.conflictingTimestamps} measurement time(s) arrived with different values; ` +
        `the ${r.direction === 'above' ? 'higher' : 'lower'} value was kept`,
    );
  }
  return [
    {
      kind: 'sensor-threshold',
      severity,
      evidence: evidenceLines(evidence),
      ruleId: r.id,
      metric: r.metric,
      unit: r.unit,
      direction: r.direction,
      threshold: r.threshold,
      start,
      end,
      durationMinutes,
      readingsInInterval: count,
      peak: { value: peak.value, at: peak.at },
      relativeExcess,
      qualifyingIntervals: qualifying.length,
      ongoing,
      distinctReadings: points.length,
      conflictingTimestamps: series.conflictingTimestamps,
    },
  ];
}

function validateRule(rule: unknown): SensorWindowRule {
  const r = record('rule', rule);
  const threshold = finite('rule.threshold', r['threshold']);
  if (threshold === 0) throw new DomainValidationError('rule.threshold', threshold, 'must not be zero');
  return {
    id: text('rule.id', r['id']),
    metric: text('rule.metric', r['metric'], 64),
    unit: text('rule.unit', r['unit'], 16),
    direction: oneOf('rule.direction', r['direction'], ['above', 'below'] as const),
    threshold,
    minDurationMinutes: finite('rule.minDurationMinutes', r['minDurationMinutes'], { min: 0 }),
    maxGapMinutes: positive('rule.maxGapMinutes', r['maxGapMinutes']),
  };
}

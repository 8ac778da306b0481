import { array, DomainValidationError, finite, oneOf, record, text, validDate } from '@buqi/domain-kernel';

/** One measurement as a device reported it (cf. `device.telemetry.v1`). */
export interface SensorReading {
  readonly metric: string;
  readonly value: number;
  /** When the device measured it (not when it arrived). */
  readonly at: Date;
  readonly unit?: string;
}

export interface ReadingSeries {
  /** One reading per measurement time, oldest first. */
  readonly readings: readonly { readonly value: number; readonly at: Date }[];
  /** Measurement times that arrived more than once with different values. */
  readonly conflictingTimestamps: number;
}

/**
 * The readings of one metric as a clean series: validated, deduplicated by measurement time and
 * sorted by it, so arrival order and repeats cannot change what a rule sees. Two readings of the
 * same time with different values keep the worse one (`keep: 'max'` or `'min'`): telemetry carries
 * no receive time, so "the later-received" would depend on arrival order, and the worse value errs
 * towards reporting.
 */
export function readingSeries(
  readings: readonly SensorReading[],
  metric: string,
  unit: string,
  keep: 'max' | 'min',
): ReadingSeries {
  text('metric', metric, 64);
  text('unit', unit, 16);
  oneOf('keep', keep, ['max', 'min'] as const);
  const byTime = new Map<number, { value: number; at: Date; conflicting: boolean }>();
  array<unknown>('readings', readings).forEach((item, n) => {
    const path = `readings[${n}]`;
    const r = record(path, item);
    const itemMetric = text(`${path}.metric`, r['metric'], 64);
    const value = finite(`${path}.value`, r['value']);
    const measuredAt = validDate(`${path}.at`, r['at']);
    if (r['unit'] !== undefined) text(`${path}.unit`, r['unit'], 16);
    if (itemMetric !== metric) return;
    if (r['unit'] !== undefined && r['unit'] !== unit) {
      throw new DomainValidationError(`${path}.unit`, r['unit'], `must be ${unit}, the unit of the rule`);
    }
    const key = measuredAt.getTime();
    const seen = byTime.get(key);
    if (seen === undefined) {
      byTime.set(key, { value, at: measuredAt, conflicting: false });
    } else if (seen.value !== value) {
      const worse = keep === 'max' ? Math.max(seen.value, value) : Math.min(seen.value, value);
      byTime.set(key, { value: worse, at: seen.at, conflicting: true });
    }
  });
  const sorted = [...byTime.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    readings: sorted.map(({ value, at }) => ({ value, at })),
    conflictingTimestamps: sorted.filter((r) => r.conflicting).length,
  };
}

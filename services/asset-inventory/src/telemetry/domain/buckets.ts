import { keepOf, type Reading } from './readings';

/**
 * Raw readings are kept in one document per device and hour (docs/telemetry-storage.md says why):
 * `m.<metric>.<ms into the hour>` holds the value measured then, `u.<metric>` its unit. A field
 * name cannot hold ".", so a metric's dots are stored as ":" (never part of a metric name).
 */
export const HOUR_MS = 3_600_000;

export const hourOf = (at: Date): number => Math.floor(at.getTime() / HOUR_MS) * HOUR_MS;

/** `NY-DV-001|2026-03-02T08`: device and hour, so a bucket is found by its exact id. */
export const bucketId = (deviceId: string, hour: number): string =>
  `${deviceId}|${new Date(hour).toISOString().slice(0, 13)}`;

export const metricField = (metric: string): string => metric.replaceAll('.', ':');
export const metricOfField = (field: string): string => field.replaceAll(':', '.');

/** One hour's share of a batch: the values to keep (the greater, or the lesser) and the units. */
export interface BucketWrite {
  readonly id: string;
  readonly deviceId: string;
  readonly hour: Date;
  /** `m.<metric>.<offset>` → value, for metrics where higher is worse. */
  readonly max: Readonly<Record<string, number>>;
  /** The same for metrics where lower is worse. */
  readonly min: Readonly<Record<string, number>>;
  /** `u.<metric>` → unit */
  readonly units: Readonly<Record<string, string>>;
}

/**
 * The writes that store a batch: one per hour it touches. Applied with `$max`/`$min` per
 * measurement time, a reading stored twice, late or out of order leaves the same document, and two
 * values for one time keep the worse (within the batch here, across batches in the store).
 */
export function bucketWrites(deviceId: string, readings: readonly Reading[]): BucketWrite[] {
  const byHour = new Map<
    number,
    { max: Record<string, number>; min: Record<string, number>; units: Record<string, string> }
  >();
  for (const r of readings) {
    const hour = hourOf(r.at);
    const write = byHour.get(hour) ?? { max: {}, min: {}, units: {} };
    byHour.set(hour, write);
    const field = metricField(r.metric);
    const path = `m.${field}.${r.at.getTime() - hour}`;
    const keep = keepOf(r.metric);
    const into = keep === 'max' ? write.max : write.min;
    const seen = into[path];
    into[path] =
      seen === undefined ? r.value : keep === 'max' ? Math.max(seen, r.value) : Math.min(seen, r.value);
    write.units[`u.${field}`] = r.unit;
  }
  return [...byHour].map(([hour, w]) => ({
    id: bucketId(deviceId, hour),
    deviceId,
    hour: new Date(hour),
    ...w,
  }));
}

/** A stored bucket as the series reads it. */
export interface StoredBucket {
  readonly hour: Date;
  readonly m?: Readonly<Record<string, Readonly<Record<string, number>> | undefined>>;
  readonly u?: Readonly<Record<string, string | undefined>>;
}

/** A metric's readings from `from` to `to` (both included) out of hour buckets, oldest first. */
export function seriesOf(
  buckets: readonly StoredBucket[],
  metric: string,
  from: Date,
  to: Date,
): { metric: string; value: number; unit: string; at: Date }[] {
  const field = metricField(metric);
  const out: { metric: string; value: number; unit: string; at: Date }[] = [];
  for (const b of buckets) {
    const values = b.m?.[field];
    const unit = b.u?.[field];
    if (!values || unit === undefined) continue;
    const base = b.hour.getTime();
    for (const [offset, value] of Object.entries(values)) {
      const at = base + Number(offset);
      if (at >= from.getTime() && at <= to.getTime()) out.push({ metric, value, unit, at: new Date(at) });
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The hours from `from` to `to` (both included), as bucket hours. */
export function hoursBetween(from: Date, to: Date): number[] {
  const hours: number[] = [];
  for (let h = hourOf(from); h <= to.getTime(); h += HOUR_MS) hours.push(h);
  return hours;
}

import { Injectable } from '@nestjs/common';
import { DomainValidationError } from '@buqi/domain-kernel';
import { HOUR_MS, hoursBetween, seriesOf } from '../../domain/buckets';
import { DeviceStateRepository } from '../../persistence/device-state.repository';
import { ReadingsRepository } from '../../persistence/readings.repository';
import type { Readings, StoredReading } from '../../readings.port';

/** The longest series one call returns: a month of hours is looked up one bucket at a time. */
export const MAX_SERIES_MS = 31 * 24 * HOUR_MS;

/**
 * A device's stored readings of one metric (READINGS): one per measurement time, oldest first. Only
 * the hours that can hold readings are looked up: those between the device's first and last hour
 * with readings, and not yet purged.
 */
@Injectable()
export class ReadingsSeries implements Readings {
  constructor(
    private readonly readings: ReadingsRepository,
    private readonly states: DeviceStateRepository,
  ) {}

  async series(deviceId: string, metric: string, from: Date, to: Date): Promise<StoredReading[]> {
    if (!(from.getTime() <= to.getTime()))
      throw new DomainValidationError(
        'to',
        to.toISOString(),
        `must not be before from (${from.toISOString()})`,
      );
    if (to.getTime() - from.getTime() > MAX_SERIES_MS)
      throw new DomainValidationError('to', to.toISOString(), 'a series spans at most 31 days');
    const state = await this.states.find(deviceId);
    if (!state?.hours) return [];
    const first = Math.max(from.getTime(), state.hours.first.getTime(), state.purgedBefore?.getTime() ?? 0);
    const last = Math.min(to.getTime(), state.hours.last.getTime() + HOUR_MS - 1);
    if (first > last) return [];
    const buckets = await this.readings.buckets(
      deviceId,
      hoursBetween(new Date(first), new Date(last)),
      metric,
    );
    return seriesOf(buckets, metric, from, to);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { HOUR_MS, hourOf } from '../../domain/buckets';
import { DeviceStateRepository } from '../../persistence/device-state.repository';
import { ReadingsRepository } from '../../persistence/readings.repository';
import { TELEMETRY_SETTINGS, type TelemetrySettings } from '../../telemetry.config';

/**
 * Deletes raw readings older than the retention (FerretDB has no TTL index): for each device, the
 * hours from where the last run stopped (or its first hour with readings) to the cutoff, by exact
 * id. Readings older than the retention are refused on arrival, so no bucket appears behind a run.
 */
@Injectable()
export class PurgeReadings {
  constructor(
    private readonly states: DeviceStateRepository,
    private readonly readings: ReadingsRepository,
    @Inject(TELEMETRY_SETTINGS) private readonly settings: TelemetrySettings,
  ) {}

  async execute(now: Date): Promise<{ devices: number; deleted: number; before: Date }> {
    // An hour's bucket goes once its whole hour is past the retention.
    const cutoff = hourOf(new Date(now.getTime() - this.settings.TELEMETRY_RETENTION));
    let devices = 0;
    let deleted = 0;
    for (const state of await this.states.all()) {
      if (!state.hours) continue;
      const start = state.purgedBefore?.getTime() ?? state.hours.first.getTime();
      if (start >= cutoff) continue;
      // No bucket lies after its last hour with readings; a later reading lands after the cutoff.
      const end = Math.min(cutoff, state.hours.last.getTime() + HOUR_MS);
      const hours: number[] = [];
      for (let h = start; h < end; h += HOUR_MS) hours.push(h);
      deleted += await this.readings.deleteHours(state.deviceId, hours);
      await this.states.purgedBefore(state.deviceId, new Date(cutoff));
      devices++;
    }
    return { devices, deleted, before: new Date(cutoff) };
  }
}

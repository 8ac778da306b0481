import { Inject, Injectable } from '@nestjs/common';
import { bucketWrites, metricOfField } from '../../domain/buckets';
import { sortReadings, type IncomingReading, type RefusedReading } from '../../domain/readings';
import { DeviceStateRepository } from '../../persistence/device-state.repository';
import { ReadingsRepository } from '../../persistence/readings.repository';
import { TELEMETRY_SETTINGS, type TelemetrySettings } from '../../telemetry.config';
import { ReportingDevices } from '../reporting-device';
import { TelemetrySignals } from '../telemetry-signals';
import { DevicePresence } from './device-presence';

export interface Batch {
  readonly readings: readonly IncomingReading[];
  readonly batteryPct?: number;
  readonly signalDbm?: number;
}

export interface IngestReport {
  readonly deviceId: string;
  readonly receivedAt: Date;
  /** Readings kept; one stored before is stored once, and counts here. */
  readonly stored: number;
  readonly refused: readonly RefusedReading[];
}

/**
 * Stores a device's batch, however it came (HTTP or Kafka): each valid reading once per (metric,
 * time), the device seen (online again if it was not), then the shortfall rules told. A batch with
 * no valid reading stores nothing; the adapter refuses it.
 */
@Injectable()
export class IngestReadings {
  constructor(
    private readonly devices: ReportingDevices,
    private readonly states: DeviceStateRepository,
    private readonly readings: ReadingsRepository,
    private readonly presence: DevicePresence,
    private readonly signals: TelemetrySignals,
    @Inject(TELEMETRY_SETTINGS) private readonly settings: TelemetrySettings,
  ) {}

  async execute(deviceId: string, batch: Batch, receivedAt: Date): Promise<IngestReport> {
    const device = await this.devices.get(deviceId);
    const state = await this.presence.current(deviceId);
    const { accepted, refused } = sortReadings(batch.readings, {
      receivedAt,
      clockSkewMs: this.settings.TELEMETRY_CLOCK_SKEW,
      retentionMs: this.settings.TELEMETRY_RETENTION,
      knownUnits: Object.fromEntries(
        Object.entries(state?.units ?? {}).map(([f, u]) => [metricOfField(f), u]),
      ),
    });
    if (accepted.length === 0) return { deviceId, receivedAt, stored: 0, refused };
    await this.readings.store(bucketWrites(deviceId, accepted));
    const seen = await this.presence.seen(device, state, {
      receivedAt,
      readings: accepted,
      ...(batch.batteryPct !== undefined && { batteryPct: batch.batteryPct }),
      ...(batch.signalDbm !== undefined && { signalDbm: batch.signalDbm }),
    });
    if (seen.wentOnline && (await this.signals.statusChanged(device, true, seen.lastSeenAt, receivedAt)))
      await this.states.told(deviceId, seen.version, 'status');
    await this.signals.readingsStored(device, accepted, receivedAt);
    return { deviceId, receivedAt, stored: accepted.length, refused };
  }
}

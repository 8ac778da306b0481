import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@buqi/platform';
import { AssetsModule } from '../assets/assets.module';
import { InspectionsModule } from '../inspections/inspections.module';
import { LastCalibration } from '../inspections/use-cases/last-calibration/last-calibration.query';
import { RecordDeviceCondition } from '../inspections/use-cases/record-device-condition/record-device-condition.use-case';
import { DEVICE_CALIBRATIONS } from './calibrations.port';
import { DEVICE_CONDITION_HISTORY } from './device-conditions.port';
import { DeviceTelemetryConsumer } from './consumers/device-telemetry.consumer';
import { TelemetryController } from './http/telemetry.controller';
import { TelemetryJobsProcessor } from './jobs/telemetry-jobs.processor';
import { TELEMETRY_SETTINGS, type TelemetrySettings } from './telemetry.config';
import { TelemetryReadingsModule } from './telemetry-readings.module';
import { DevicePresence } from './use-cases/ingest-readings/device-presence';
import { IngestReadings } from './use-cases/ingest-readings/ingest-readings.use-case';
import { PurgeReadings } from './use-cases/purge-readings/purge-readings.use-case';
import { GetReadings } from './use-cases/read-series/get-readings.query';
import { ReportingDevices } from './use-cases/reporting-device';
import { SweepDevices } from './use-cases/sweep-devices/sweep-devices.use-case';
import { TelemetrySignals } from './use-cases/telemetry-signals';

/**
 * Device telemetry: readings in over HTTP (the device's key) and Kafka (device.telemetry.v1), stored
 * once per (device, metric, time) in hour buckets; each device's state (last seen, battery, signal,
 * online) with device.status-changed.v1; the heartbeat sweep, the device's condition from its
 * telemetry, and the retention of raw readings.
 */
@Module({
  imports: [TelemetryReadingsModule, AssetsModule, InspectionsModule],
  controllers: [TelemetryController],
  providers: [
    {
      provide: TELEMETRY_SETTINGS,
      inject: [PLATFORM_CONFIG],
      useFactory: (config: TelemetrySettings): TelemetrySettings => config,
    },
    { provide: DEVICE_CALIBRATIONS, useExisting: LastCalibration },
    { provide: DEVICE_CONDITION_HISTORY, useExisting: RecordDeviceCondition },
    ReportingDevices,
    TelemetrySignals,
    DevicePresence,
    IngestReadings,
    GetReadings,
    SweepDevices,
    PurgeReadings,
    DeviceTelemetryConsumer,
    TelemetryJobsProcessor,
  ],
})
export class TelemetryModule {}

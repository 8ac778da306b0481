import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { registerOutbox } from '@buqi/messaging';
import { DEVICE_STATE_MODEL, deviceStateSchema } from './persistence/device-state.schema';
import { DeviceStateRepository } from './persistence/device-state.repository';
import { READING_BUCKET_MODEL, readingBucketSchema } from './persistence/reading-bucket.schema';
import { ReadingsRepository } from './persistence/readings.repository';
import { READINGS } from './readings.port';
import { ReadingsSeries } from './use-cases/read-series/readings-series';

/**
 * Telemetry's stores and the READINGS port, apart from the rest of the slice so the shortfall rules
 * can import the readings without importing what tells them about readings.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: READING_BUCKET_MODEL, schema: readingBucketSchema },
      { name: DEVICE_STATE_MODEL, schema: deviceStateSchema },
    ]),
  ],
  providers: [
    registerOutbox(DEVICE_STATE_MODEL),
    ReadingsRepository,
    DeviceStateRepository,
    ReadingsSeries,
    { provide: READINGS, useExisting: ReadingsSeries },
  ],
  exports: [READINGS, ReadingsSeries, ReadingsRepository, DeviceStateRepository],
})
export class TelemetryReadingsModule {}

import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobProcessor, JobScheduler, TelemetryQueue } from '@buqi/jobs';
import type { Logger } from '@buqi/observability';
import { PLATFORM_LOGGER } from '@buqi/platform';
import { TELEMETRY_SETTINGS, type TelemetrySettings } from '../telemetry.config';
import { PurgeReadings } from '../use-cases/purge-readings/purge-readings.use-case';
import { SweepDevices } from '../use-cases/sweep-devices/sweep-devices.use-case';

/**
 * The heartbeat sweep (every TELEMETRY_SWEEP_INTERVAL) and the retention of raw readings (every
 * TELEMETRY_RETENTION_INTERVAL): BullMQ job schedulers set up by every instance at start-up, one
 * schedule each in Redis however many instances run.
 */
@Injectable()
export class TelemetryJobsProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobScheduler,
    private readonly sweep: SweepDevices,
    private readonly purge: PurgeReadings,
    @Inject(TELEMETRY_SETTINGS) private readonly settings: TelemetrySettings,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(
      TelemetryQueue,
      JobName.DeviceHeartbeatSweep,
      {},
      {
        schedulerId: 'device-heartbeat-sweep',
        everyMs: this.settings.TELEMETRY_SWEEP_INTERVAL,
      },
    );
    await this.jobs.every(
      TelemetryQueue,
      JobName.ReadingsRetention,
      {},
      {
        schedulerId: 'readings-retention',
        everyMs: this.settings.TELEMETRY_RETENTION_INTERVAL,
      },
    );
  }

  @JobProcessor(TelemetryQueue, JobName.DeviceHeartbeatSweep)
  async heartbeats(): Promise<void> {
    const report = await this.sweep.execute(new Date());
    this.logger.debug(report, 'heartbeat sweep done');
  }

  @JobProcessor(TelemetryQueue, JobName.ReadingsRetention)
  async retention(): Promise<void> {
    const report = await this.purge.execute(new Date());
    this.logger.info(report, 'readings past their retention deleted');
  }
}

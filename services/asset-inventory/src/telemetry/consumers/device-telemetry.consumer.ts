import { Inject, Injectable } from '@nestjs/common';
import { DeviceTelemetryV1, type EnvelopeOf } from '@buqi/contracts';
import { ConflictError, DomainValidationError, NotFoundError } from '@buqi/domain-kernel';
import { NonRetriableError, OnEvent } from '@buqi/messaging';
import type { Logger } from '@buqi/observability';
import { PLATFORM_LOGGER } from '@buqi/platform';
import { IngestReadings } from '../use-cases/ingest-readings/ingest-readings.use-case';

/**
 * Gateways' batches from device.telemetry.v1, stored as an HTTP batch is. Arrival is the event's
 * time (when the gateway published it; never later than now), so a backlog read late does not make
 * a silent device look alive. Refused readings are logged and the rest kept; a batch from an unknown
 * device or one not in service, or with no valid reading, is dead-lettered: retrying cannot help.
 */
@Injectable()
export class DeviceTelemetryConsumer {
  constructor(
    private readonly ingest: IngestReadings,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  // Readings are stored by $max/$min per measurement time and the rules re-evaluate what is stored:
  // a batch handled twice leaves what it left once, so no processed-event record is kept for it.
  @OnEvent(DeviceTelemetryV1, { idempotent: true })
  async onTelemetry(event: EnvelopeOf<typeof DeviceTelemetryV1>): Promise<void> {
    const { deviceId, readings, batteryPct, signalDbm } = event.data;
    const receivedAt = new Date(Math.min(Date.parse(event.time), Date.now()));
    let report;
    try {
      report = await this.ingest.execute(
        deviceId,
        {
          readings,
          ...(batteryPct !== undefined && { batteryPct }),
          ...(signalDbm !== undefined && { signalDbm }),
        },
        receivedAt,
      );
    } catch (err) {
      if (err instanceof NotFoundError || err instanceof DomainValidationError)
        throw new NonRetriableError(err.message);
      if (err instanceof ConflictError && err.code === 'device-not-in-service')
        throw new NonRetriableError(err.message);
      throw err;
    }
    if (report.stored === 0)
      throw new NonRetriableError(
        `no valid reading in the batch of ${deviceId}: ${report.refused.map((r) => `${r.field} ${r.reason}`).join('; ')}`,
      );
    if (report.refused.length > 0)
      this.logger.warn(
        { deviceId, eventId: event.id, stored: report.stored, refused: report.refused },
        'readings refused from a telemetry batch',
      );
  }
}

import { Injectable } from '@nestjs/common';
import { ServiceQuotaV1, type EnvelopeOf } from '@buqi/contracts';
import { OnEvent } from '@buqi/messaging';
import { QuotaVersionRepository } from '../persistence/quota-version.repository';

/**
 * Keeps every service-quota version from standards.service-quota.v1 (compacted: a new instance
 * replays every version). Idempotent: the write is conditional on the publication time.
 */
@Injectable()
export class ServiceQuotaConsumer {
  constructor(private readonly versions: QuotaVersionRepository) {}

  @OnEvent(ServiceQuotaV1, { idempotent: true })
  async handle(event: EnvelopeOf<typeof ServiceQuotaV1>): Promise<void> {
    const d = event.data;
    await this.versions.apply({
      taskType: d.taskType,
      version: d.version,
      name: d.name,
      unit: d.unit,
      standardHoursPerUnit: d.standardHoursPerUnit,
      labourFenPerUnit: d.labourFenPerUnit,
      materialsFenPerUnit: d.materialsFenPerUnit,
      quality: d.quality,
      effectiveFrom: d.effectiveFrom,
      ...(d.effectiveTo && { effectiveTo: d.effectiveTo }),
      publishedAt: new Date(d.publishedAt),
    });
  }
}

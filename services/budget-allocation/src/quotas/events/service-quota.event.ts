import { ServiceQuotaV1 } from '@buqi/contracts';
import type { Actor } from '@buqi/contracts';
import type { EventPublisher, OutboxEntry } from '@buqi/messaging';
import type { QuotaVersion } from '../domain/service-quota';

/** One quota version as standards.service-quota.v1, keyed `<taskType>:<version>`. */
export function quotaVersionEntry(
  events: EventPublisher,
  taskType: string,
  v: QuotaVersion,
  actor: Actor,
  at: Date,
): OutboxEntry {
  return events.entry(
    ServiceQuotaV1,
    {
      taskType,
      version: v.version,
      name: v.name,
      unit: v.unit,
      standardHoursPerUnit: v.standardHoursPerUnit,
      labourFenPerUnit: v.labourFenPerUnit,
      materialsFenPerUnit: v.materialsFenPerUnit,
      quality: {
        checklist: [...v.quality.checklist],
        acceptance: v.quality.acceptance.map((a) => ({ ...a })),
      },
      effectiveFrom: v.effectiveFrom,
      ...(v.effectiveTo && { effectiveTo: v.effectiveTo }),
      publishedAt: at.toISOString(),
    },
    { actor, time: at },
  ).entry;
}

import { Injectable } from '@nestjs/common';
import { AuditTrail, type Caller } from '@buqi/auth';
import { EventPublisher } from '@buqi/messaging';
import { addVersion, defineQuota } from '../domain/service-quota';
import { quotaVersionEntry } from '../events/service-quota.event';
import { ServiceQuotaRepository, type StoredQuota } from '../persistence/service-quota.repository';
import type { AddVersionRequest, DefineQuotaRequest } from './quota-requests';

/** A new task type with its first version (finance or asset managers), published with the write. */
@Injectable()
export class DefineQuota {
  constructor(
    private readonly quotas: ServiceQuotaRepository,
    private readonly events: EventPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(request: DefineQuotaRequest, caller: Caller): Promise<StoredQuota> {
    const { taskType, effectiveFrom, reason, ...input } = request;
    const quota = defineQuota(taskType, input, effectiveFrom);
    const stored = await this.quotas.create(quota, caller.actor.id, caller.now, [
      quotaVersionEntry(this.events, taskType, quota.versions[0], caller.actor, caller.now),
    ]);
    await this.audit.record({
      actor: caller.principal,
      action: 'quota.define',
      resource: { type: 'service-quota', id: taskType },
      after: { ...quota.versions[0], reason },
      origin: caller.origin,
    });
    return stored;
  }
}

/**
 * A new version of a task type's quota: the latest is closed the day it starts; both are published
 * (each under its own key, so the old one survives compaction) with the same guarded write.
 */
@Injectable()
export class AddQuotaVersion {
  constructor(
    private readonly quotas: ServiceQuotaRepository,
    private readonly events: EventPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(taskType: string, request: AddVersionRequest, caller: Caller): Promise<StoredQuota> {
    const { effectiveFrom, reason, ...input } = request;
    const current = await this.quotas.get(taskType);
    const { quota, closed, added } = addVersion(current, input, effectiveFrom);
    const stored = await this.quotas.save(quota, current.version, caller.actor.id, caller.now, [
      quotaVersionEntry(this.events, taskType, closed, caller.actor, caller.now),
      quotaVersionEntry(this.events, taskType, added, caller.actor, caller.now),
    ]);
    await this.audit.record({
      actor: caller.principal,
      action: 'quota.add-version',
      resource: { type: 'service-quota', id: `${taskType}:${added.version}` },
      before: closed,
      after: { ...added, reason },
      origin: caller.origin,
    });
    return stored;
  }
}

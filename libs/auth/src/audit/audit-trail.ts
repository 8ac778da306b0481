import {
  Inject,
  Injectable,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import mongoose, { type Connection, type Model } from 'mongoose';
import { PLATFORM_LOGGER } from '@buqi/platform';
import { DomainValidationError } from '@buqi/domain-kernel';
import { correlation, type Logger } from '@buqi/observability';
import type { Principal } from '../identity/principal';
import {
  type AuditActor,
  type AuditOutcome,
  type AuditPage,
  type AuditQuery,
  type AuditRecord,
  type AuditResource,
} from './audit-record';
import { AUDIT_COLLECTION, AUDIT_MODEL, auditSchema, type AuditDocument } from './audit.schema';
import { maskPersonalData } from './mask';
import type { RequestOrigin } from './request-origin';

/** `before`/`after` larger than this, as JSON, are replaced by a note: the trail is not a backup. */
export const AUDIT_STATE_MAX_BYTES = 4096;
export const AUDIT_LIST_MAX_LIMIT = 200;
const PURGE_EVERY_MS = 6 * 3_600_000;
const DAY_MS = 86_400_000;

/** The retention in days (AUDIT_RETENTION_DAYS), given to AuditModule.forRoot. */
export const AUDIT_RETENTION_DAYS = Symbol('AUDIT_RETENTION_DAYS');

export interface AuditEntry {
  /** The principal of the request, or another actor (a service, the system). */
  readonly actor: Principal | AuditActor;
  readonly action: string;
  readonly resource: AuditResource;
  /** 'success' when not given. */
  readonly outcome?: AuditOutcome;
  readonly before?: unknown;
  readonly after?: unknown;
  /** Now when not given. */
  readonly at?: Date;
  readonly origin?: RequestOrigin;
  /** The current correlation id when not given. */
  readonly correlationId?: string;
}

/**
 * The audit trail: who did what to which record, when, from where, and with what result. Records
 * are appended and never changed; phone numbers are masked (PIPL); records older than the retention
 * are purged on a timer (FerretDB has no TTL indexes).
 */
@Injectable()
export class AuditTrail implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly model: Model<AuditDocument>;
  private purgeTimer: NodeJS.Timeout | undefined;

  constructor(
    @InjectConnection() connection: Connection,
    @Inject(AUDIT_RETENTION_DAYS) private readonly retentionDays: number,
    @Optional() @Inject(PLATFORM_LOGGER) private readonly logger?: Logger,
  ) {
    this.model =
      (connection.models[AUDIT_MODEL] as Model<AuditDocument> | undefined) ??
      connection.model<AuditDocument>(AUDIT_MODEL, auditSchema, AUDIT_COLLECTION);
  }

  async record(entry: AuditEntry): Promise<AuditRecord> {
    const doc: AuditDocument = {
      at: entry.at ?? new Date(),
      actor: auditActor(entry.actor),
      action: entry.action,
      resource: { type: entry.resource.type, id: entry.resource.id },
      outcome: entry.outcome ?? 'success',
      ...state('before', entry.before),
      ...state('after', entry.after),
      ...(entry.origin?.ip ? { ip: entry.origin.ip } : {}),
      ...(entry.origin?.userAgent ? { userAgent: entry.origin.userAgent } : {}),
      ...correlationOf(entry.correlationId),
    };
    const created = await this.model.create(doc);
    return toRecord({ ...doc, _id: created._id });
  }

  /** Newest first. */
  async list(query: AuditQuery): Promise<AuditPage> {
    const filter = auditFilter(query);
    const [docs, total] = await Promise.all([
      this.model
        .find(filter)
        .sort({ at: -1, _id: -1 })
        .skip(query.skip)
        .limit(query.limit)
        .lean<(AuditDocument & { _id: mongoose.Types.ObjectId })[]>(),
      this.model.countDocuments(filter),
    ]);
    return { items: docs.map(toRecord), total };
  }

  /** Deletes records older than the retention; the only deletion there is. Returns how many. */
  async purgeExpired(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.retentionDays * DAY_MS);
    // sanitizeFilter is on: an operator we build ourselves has to be marked as trusted.
    const result = await this.model.deleteMany({ at: mongoose.trusted({ $lt: cutoff }) });
    return result.deletedCount;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.model.createIndexes();
    this.purgeTimer = setInterval(() => void this.purgeQuietly(), PURGE_EVERY_MS).unref();
    void this.purgeQuietly();
  }

  onApplicationShutdown(): void {
    clearInterval(this.purgeTimer);
  }

  private async purgeQuietly(): Promise<void> {
    try {
      const purged = await this.purgeExpired();
      if (purged > 0)
        this.logger?.info({ purged, retentionDays: this.retentionDays }, 'audit records purged');
    } catch (error) {
      this.logger?.warn({ err: error }, 'audit retention purge failed; retrying on the next round');
    }
  }
}

function auditActor(actor: Principal | AuditActor): AuditDocument['actor'] {
  const base = { kind: actor.kind, id: actor.id };
  if (actor.kind === 'device') return base;
  const name = 'name' in actor && actor.name ? { name: actor.name } : {};
  const roles = 'roles' in actor && actor.roles ? { roles: [...actor.roles] } : {};
  return { ...base, ...name, ...roles };
}

/** The masked state, or a note when it is too large or not JSON. */
function state(field: 'before' | 'after', value: unknown): Partial<AuditDocument> {
  if (value === undefined) return {};
  let json: string | undefined;
  try {
    json = JSON.stringify(maskPersonalData(value));
  } catch {
    return { [field]: { omitted: 'not serialisable as JSON' } };
  }
  if (json === undefined) return {};
  const bytes = Buffer.byteLength(json);
  if (bytes > AUDIT_STATE_MAX_BYTES) {
    return { [field]: { omitted: `${bytes} bytes of JSON, over the ${AUDIT_STATE_MAX_BYTES}-byte limit` } };
  }
  return { [field]: JSON.parse(json) as unknown };
}

function correlationOf(given: string | undefined): Partial<AuditDocument> {
  const id = given ?? correlation.current();
  return id ? { correlationId: id } : {};
}

function auditFilter(query: AuditQuery): Record<string, unknown> {
  if (!Number.isSafeInteger(query.skip) || query.skip < 0) {
    throw new DomainValidationError('skip', query.skip, 'must be a whole number of at least 0');
  }
  if (!Number.isSafeInteger(query.limit) || query.limit < 1 || query.limit > AUDIT_LIST_MAX_LIMIT) {
    throw new DomainValidationError(
      'limit',
      query.limit,
      `must be a whole number from 1 to ${AUDIT_LIST_MAX_LIMIT}`,
    );
  }
  for (const field of ['actorId', 'resourceType', 'resourceId'] as const) {
    const value: unknown = query[field];
    if (value !== undefined && typeof value !== 'string') {
      throw new DomainValidationError(field, value, 'must be a string');
    }
  }
  for (const [field, value] of [
    ['from', query.from],
    ['to', query.to],
  ] as const) {
    if (value !== undefined && !(value instanceof Date && Number.isFinite(value.getTime()))) {
      throw new DomainValidationError(field, value, 'must be a valid date');
    }
  }
  const at = {
    ...(query.from ? { $gte: query.from } : {}),
    ...(query.to ? { $lt: query.to } : {}),
  };
  return {
    ...(query.actorId !== undefined ? { 'actor.id': query.actorId } : {}),
    ...(query.resourceType !== undefined ? { 'resource.type': query.resourceType } : {}),
    ...(query.resourceId !== undefined ? { 'resource.id': query.resourceId } : {}),
    ...(Object.keys(at).length > 0 ? { at: mongoose.trusted(at) } : {}),
  };
}

function toRecord(doc: AuditDocument & { _id: mongoose.Types.ObjectId }): AuditRecord {
  const { _id, ...rest } = doc;
  return { id: _id.toHexString(), ...rest, outcome: rest.outcome as AuditOutcome } as AuditRecord;
}

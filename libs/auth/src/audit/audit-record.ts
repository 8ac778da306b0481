import type { Actor } from '@buqi/contracts';
import type { Role } from '../identity/roles';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Who did it, as recorded: the event actor plus, for users, the name and roles they held then. */
export interface AuditActor {
  readonly kind: Actor['kind'];
  readonly id: string;
  readonly name?: string;
  readonly roles?: readonly Role[];
}

export interface AuditResource {
  readonly type: string;
  readonly id: string;
}

/** One line of the audit trail, as stored in `audit_log`. */
export interface AuditRecord {
  readonly id: string;
  readonly at: Date;
  readonly actor: AuditActor;
  /** What was done, e.g. 'work-order.close'. */
  readonly action: string;
  readonly resource: AuditResource;
  /** The state before and after, masked, when small enough (AUDIT_STATE_MAX_BYTES). */
  readonly before?: unknown;
  readonly after?: unknown;
  readonly outcome: AuditOutcome;
  readonly ip?: string;
  readonly userAgent?: string;
  readonly correlationId?: string;
}

export interface AuditQuery {
  readonly actorId?: string;
  readonly resourceType?: string;
  readonly resourceId?: string;
  /** Inclusive. */
  readonly from?: Date;
  /** Exclusive. */
  readonly to?: Date;
  readonly skip: number;
  /** 1 to AUDIT_LIST_MAX_LIMIT. */
  readonly limit: number;
}

export interface AuditPage {
  readonly items: readonly AuditRecord[];
  readonly total: number;
}

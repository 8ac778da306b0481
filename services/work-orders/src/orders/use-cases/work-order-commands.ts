import { Injectable } from '@nestjs/common';
import {
  WorkOrderAssignedV1,
  WorkOrderCancelledV1,
  WorkOrderCompletedV1,
  WorkOrderHeldV1,
  WorkOrderReopenedV1,
  WorkOrderResumedV1,
  WorkOrderStartedV1,
  WorkOrderVerifiedV1,
} from '@buqi/contracts';
import { AccessDeniedError, AuditTrail, type Caller } from '@buqi/auth';
import { createHash } from 'node:crypto';
import { ConflictError, DomainValidationError, NotFoundError } from '@buqi/domain-kernel';
import { QuotaCatalogue } from '../../standards/quota-catalogue';
import { RequestBodyError } from '@buqi/platform';
import { EvidenceStore } from '../evidence/evidence-store';
import { photoTypeOf, PHOTO_LIMITS } from '../evidence/photo';
import { EventPublisher, type OutboxEntry, type UpdateDocument } from '@buqi/messaging';
import { canSee, reachOf, supervises, type Viewer } from '../domain/access';
import { isOpen, transition, type Action, type Rating } from '../domain/lifecycle';
import { Escalations } from '../escalation/escalations';
import { WorkOrderRepository } from '../persistence/work-order.repository';
import type { Closure, Transition, WorkOrderDocument } from '../persistence/work-order.schema';
import { OrderNotices } from '../notify/order-notices';
import { Sla } from '../sla';

export function viewerOf(caller: Caller): Viewer {
  const p = caller.principal;
  return p.kind === 'user'
    ? {
        id: p.id,
        roles: p.roles,
        ...(p.department && { department: p.department }),
        ...(p.crew && { crew: p.crew }),
        ...(p.contractor && { contractor: p.contractor }),
      }
    : { id: p.id, roles: [] };
}

/** What each action needs besides the order. */
export type ActionInput =
  | { action: 'assign'; assignee: { kind: 'crew' | 'contractor' | 'person'; id: string }; reason?: string }
  | { action: 'start' | 'resume'; actedAt?: string }
  | { action: 'hold'; reason: string; actedAt?: string }
  | { action: 'complete'; closure: Closure; actedAt?: string }
  | { action: 'verify'; rating: Rating; comment?: string }
  | { action: 'reject' | 'cancel'; reason: string };

/** Actions the supervisor of the order's department takes; the others are the assignee's too. */
const SUPERVISOR_ONLY: readonly Action[] = ['assign', 'verify', 'reject', 'cancel'];

/**
 * Every move of a work order: the caller's right to it checked (a crew member acts only on their
 * own orders, a contractor on its company's, a supervisor on the department's), the state machine
 * asked, and the new state, the move in the history, recomputed due times and the event written in
 * one write guarded by the version read (or the one the caller sent in If-Match): of two
 * concurrent moves one wins, the other gets 409 and nothing of it is stored. Then the escalation
 * timer follows the order.
 */
@Injectable()
export class WorkOrderCommands {
  constructor(
    private readonly orders: WorkOrderRepository,
    private readonly sla: Sla,
    private readonly escalations: Escalations,
    private readonly events: EventPublisher,
    private readonly audit: AuditTrail,
    private readonly notices: OrderNotices,
    private readonly evidence: EvidenceStore,
    private readonly quotas: QuotaCatalogue,
  ) {}

  /** An order the caller may see, or 403 (the same for one that is not theirs and one of another department). */
  async visible(id: string, caller: Caller): Promise<WorkOrderDocument> {
    const order = await this.orders.get(id);
    if (!canSee(reachOf(viewerOf(caller)), order))
      throw new AccessDeniedError(`work order ${id} is not assigned to you or your department`);
    return order;
  }

  async execute(
    id: string,
    input: ActionInput,
    caller: Caller,
    ifMatch?: number,
  ): Promise<WorkOrderDocument> {
    const order = await this.orders.get(id);
    const viewer = viewerOf(caller);
    this.authorise(order, input.action, viewer);
    if (ifMatch !== undefined && ifMatch !== order.version)
      throw new ConflictError('stale', `work order ${id} is at version ${order.version}, not ${ifMatch}`, {
        current: order.version,
      });
    const next = transition(
      { state: order.state, ...(order.heldFrom && { heldFrom: order.heldFrom }) },
      input.action,
    );
    if (input.action === 'complete') await this.checkQuality(order, input.closure);
    const now = caller.now;
    const reason = 'reason' in input ? input.reason : undefined;
    const actedAt = 'actedAt' in input && input.actedAt ? new Date(input.actedAt) : undefined;
    const move: Transition = {
      action: input.action,
      from: order.state,
      to: next.state,
      by: caller.actor.id,
      at: now,
      ...(reason && { reason }),
      ...(actedAt && { actedAt }),
    };
    const set: Record<string, unknown> = { state: next.state, updatedAt: now };
    const unset: Record<string, ''> = {};
    if (next.heldFrom) set['heldFrom'] = next.heldFrom;
    else unset['heldFrom'] = '';
    let holds = order.holds;
    switch (input.action) {
      case 'assign':
        set['assignee'] = input.assignee;
        break;
      case 'start':
        if (!order.respondedAt) set['respondedAt'] = now;
        break;
      case 'hold':
        holds = [...order.holds, { from: now, reason: input.reason }];
        break;
      case 'resume':
        holds = order.holds.map((h, i) => (i === order.holds.length - 1 && !h.to ? { ...h, to: now } : h));
        break;
      case 'complete':
        set['closure'] = input.closure;
        set['resolvedAt'] = now;
        break;
      case 'verify':
        set['rating'] = input.rating;
        break;
      case 'reject':
        unset['resolvedAt'] = '';
        break;
    }
    if (holds !== order.holds) {
      set['holds'] = holds;
      set['due'] = await this.sla.due({ ...order, holds }, now);
    }
    const update: UpdateDocument = {
      $set: set,
      $push: { history: move },
      ...(Object.keys(unset).length > 0 && { $unset: unset }),
    };
    const after = await this.orders.update(order._id, order.version, update, [
      this.event(order, input, caller, (set['due'] as WorkOrderDocument['due'] | undefined) ?? order.due),
    ]);
    await this.audit.record({
      actor: caller.principal,
      action: `workorder.${input.action}`,
      resource: { type: 'work-order', id: order._id },
      before: { state: order.state },
      after: { state: after.state, ...(reason && { reason }) },
      origin: caller.origin,
      // The same id as the move's event (ADR 0009): the shortfall's story when the order has one.
      ...(order.correlationId && { correlationId: order.correlationId }),
    });
    await this.escalations.schedule(after, now);
    if (input.action === 'assign') await this.notices.assigned(after);
    return after;
  }

  /**
   * A new priority (the order's supervisor), with the reason: the due times are counted again from
   * the order's opening under the new priority's rules, the timers follow, and the change is in the
   * history. Open orders only; guarded by the version read (or sent).
   */
  async reprioritise(
    id: string,
    priority: WorkOrderDocument['priority'],
    reason: string,
    caller: Caller,
    ifMatch?: number,
  ): Promise<WorkOrderDocument> {
    const order = await this.orders.get(id);
    if (!supervises(viewerOf(caller), order))
      throw new AccessDeniedError(
        `only a supervisor of ${order.department} may change this work order's priority`,
      );
    if (ifMatch !== undefined && ifMatch !== order.version)
      throw new ConflictError('stale', `work order ${id} is at version ${order.version}, not ${ifMatch}`, {
        current: order.version,
      });
    if (!isOpen(order.state))
      throw new ConflictError('order-closed', `work order ${id} is ${order.state}: its priority is settled`, {
        current: order.state,
      });
    const now = caller.now;
    const due = await this.sla.due({ ...order, priority }, now);
    const after = await this.orders.update(order._id, order.version, {
      $set: { priority, due, updatedAt: now },
      $push: {
        history: {
          action: `priority ${order.priority}→${priority}`,
          from: order.state,
          to: order.state,
          by: caller.actor.id,
          at: now,
          reason,
        },
      },
    });
    await this.audit.record({
      actor: caller.principal,
      action: 'workorder.reprioritise',
      resource: { type: 'work-order', id },
      before: { priority: order.priority, resolveBy: order.due.resolveBy },
      after: { priority, resolveBy: due.resolveBy, reason },
      origin: caller.origin,
    });
    await this.escalations.schedule(after, now);
    return after;
  }

  /**
   * Adds a photo to an open or completed order (its assignee or supervisor): checked by its first
   * bytes against the type it was sent as (refused before anything is stored), kept under its
   * SHA-256 (the same photo twice is one), at most PHOTO_LIMITS.perOrder per order.
   */
  async addPhoto(id: string, bytes: Buffer, sentAs: string, caller: Caller): Promise<WorkOrderDocument> {
    const order = await this.orders.get(id);
    this.authorise(order, 'complete', viewerOf(caller));
    return this.keepPhoto(order, bytes, sentAs, caller.actor.id, caller.now);
  }

  /** A photo from the occupant who reported the order (their tracking link is their right to it). */
  async addReporterPhoto(
    id: string,
    bytes: Buffer,
    sentAs: string,
    now = new Date(),
  ): Promise<WorkOrderDocument> {
    return this.keepPhoto(await this.orders.get(id), bytes, sentAs, 'occupant-report', now);
  }

  private async keepPhoto(
    order: WorkOrderDocument,
    bytes: Buffer,
    sentAs: string,
    by: string,
    at: Date,
  ): Promise<WorkOrderDocument> {
    if (order.state === 'verified' || order.state === 'cancelled')
      throw new ConflictError(
        'order-closed',
        `work order ${order._id} is ${order.state}: its evidence is closed`,
        {
          current: order.state,
        },
      );
    const type = photoTypeOf(bytes);
    if (!type || type !== sentAs)
      throw new RequestBodyError(
        415,
        'not-a-photo',
        `the body is ${type ? `a ${type}` : 'not a JPEG, PNG or WebP image'}, sent as ${sentAs}`,
      );
    const photoId = createHash('sha256').update(bytes).digest('hex');
    if (order.photos.some((p) => p.id === photoId)) return order;
    if (order.photos.length >= PHOTO_LIMITS.perOrder)
      throw new ConflictError(
        'too-many-photos',
        `work order ${order._id} has ${PHOTO_LIMITS.perOrder} photos already`,
      );
    await this.evidence.put(`${order._id}/${photoId}`, bytes);
    return this.orders.update(order._id, order.version, {
      $push: { photos: { id: photoId, type, size: bytes.length, by, at } },
      $set: { updatedAt: at },
    });
  }

  /** A photo of an order the caller may see. */
  async photo(id: string, photoId: string, caller: Caller): Promise<{ bytes: Buffer; type: string }> {
    const order = await this.visible(id, caller);
    const photo = order.photos.find((p) => p.id === photoId);
    const bytes = photo && (await this.evidence.get(`${id}/${photoId}`));
    if (!photo || !bytes) throw new NotFoundError('photo', `${id}/${photoId}`);
    return { bytes, type: photo.type };
  }

  /**
   * A completion reports every item of the quality checklist of the order's quota (the version it
   * was funded with, else the one in force when it was opened); items may pass or fail, but none may
   * be left out. An order whose task type has no quota in the catalogue is not checked.
   */
  private async checkQuality(order: WorkOrderDocument, closure: Closure): Promise<void> {
    const quota =
      order.quotaVersion !== undefined
        ? await this.quotas.version(order.taskType, order.quotaVersion)
        : await this.quotas.inForce(order.taskType, order.createdAt);
    if (!quota) return;
    const reported = new Set(closure.checklist.map((c) => c.item));
    const missing = quota.quality.checklist.filter((item) => !reported.has(item));
    if (missing.length > 0)
      throw new DomainValidationError(
        'checklist',
        missing,
        `must report every item of the ${order.taskType} v${quota.version} quality checklist; missing: ${missing.join('; ')}`,
      );
  }

  private authorise(order: WorkOrderDocument, action: Action, viewer: Viewer): void {
    if (supervises(viewer, order)) return;
    if (SUPERVISOR_ONLY.includes(action))
      throw new AccessDeniedError(`only a supervisor of ${order.department} may ${action} this work order`);
    const own = reachOf(viewer).filter((r) => 'assignee' in r);
    if (!canSee(own, order)) throw new AccessDeniedError(`work order ${order._id} is not assigned to you`);
  }

  private event(
    order: WorkOrderDocument,
    input: ActionInput,
    caller: Caller,
    due: WorkOrderDocument['due'],
  ): OutboxEntry {
    const by = caller.actor.id;
    const at = caller.now.toISOString();
    // An order opened from funding keeps its shortfall's story: its moves carry that correlation id
    // (as its creation and escalations do), so the cost booked and the repair recorded join it.
    const meta = {
      actor: caller.actor,
      time: caller.now,
      ...(order.correlationId && { correlationId: order.correlationId }),
    };
    const workOrderId = order._id;
    switch (input.action) {
      case 'assign':
        return this.events.entry(
          WorkOrderAssignedV1,
          { workOrderId, assignee: input.assignee, assignedBy: by, assignedAt: at },
          meta,
        ).entry;
      case 'start':
        return this.events.entry(WorkOrderStartedV1, { workOrderId, startedBy: by, startedAt: at }, meta)
          .entry;
      case 'hold':
        return this.events.entry(
          WorkOrderHeldV1,
          { workOrderId, reason: input.reason, heldBy: by, heldAt: at },
          meta,
        ).entry;
      case 'resume':
        return this.events.entry(
          WorkOrderResumedV1,
          { workOrderId, resumedBy: by, resumedAt: at, resolveBy: new Date(due.resolveBy).toISOString() },
          meta,
        ).entry;
      case 'complete':
        return this.events.entry(
          WorkOrderCompletedV1,
          {
            workOrderId,
            ...(order.remediationId && { remediationId: order.remediationId }),
            ...(order.shortfallId && { shortfallId: order.shortfallId }),
            assetId: order.assetId,
            ...(!order.remediationId && order.chargeTo && { envelope: order.chargeTo }),
            completedBy: order.assignee ? order.assignee.id : by,
            actualCostFen: input.closure.actualCostFen,
            labourHours: input.closure.labourHours,
            completedAt: at,
          },
          meta,
        ).entry;
      case 'verify':
        return this.events.entry(
          WorkOrderVerifiedV1,
          {
            workOrderId,
            rating: input.rating,
            ...(order.assignee && { assignee: order.assignee.id }),
            standardHours: order.standardHours,
            verifiedBy: by,
            verifiedAt: at,
          },
          meta,
        ).entry;
      case 'reject':
        return this.events.entry(
          WorkOrderReopenedV1,
          { workOrderId, reason: input.reason, reopenedBy: by, reopenedAt: at },
          meta,
        ).entry;
      case 'cancel':
        return this.events.entry(
          WorkOrderCancelledV1,
          {
            workOrderId,
            ...(order.remediationId && { remediationId: order.remediationId }),
            ...(order.fiscalYear !== undefined && { fiscalYear: order.fiscalYear }),
            ...(order.shortfallId && { shortfallId: order.shortfallId }),
            assetId: order.assetId,
            reason: input.reason,
            cancelledBy: by,
            cancelledAt: at,
          },
          meta,
        ).entry;
    }
  }
}

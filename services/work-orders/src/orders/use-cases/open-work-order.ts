import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  WorkOrderCreatedV1,
  type Actor,
  type DataOf,
  type EnvelopeOf,
  type RemediationFundedV1,
} from '@buqi/contracts';
import { AccessDeniedError, AuditTrail, type Caller } from '@buqi/auth';
import { EventPublisher } from '@buqi/messaging';
import { Escalations } from '../escalation/escalations';
import { WorkOrderRepository } from '../persistence/work-order.repository';
import type { WorkOrderDocument } from '../persistence/work-order.schema';
import { Sla } from '../sla';
import { viewerOf } from './work-order-commands';

/** What a supervisor gives to open an order by hand. */
export interface ManualOrder {
  readonly title: string;
  readonly description?: string;
  readonly assetId: string;
  readonly department?: string;
  readonly zoneId?: string;
  readonly priority: 'P1' | 'P2' | 'P3' | 'P4';
  readonly taskType: string;
  readonly standardHours: number;
  readonly chargeTo?: 'maintenance' | 'capital' | 'emergency-reserve';
}

const FUNDING: Actor = { kind: 'system', id: 'remediation-funding' };

/**
 * Opens work orders: one per funded remediation (its id is derived from the remediation's, so a
 * redelivered or repeated `remediation.funded.v1` finds it made and adds nothing), and by hand
 * (supervisors, for their department). Each is stored with its due times and workorder.created.v1
 * in one write, keeps the correlation id of what opened it, and gets its first escalation timer.
 */
@Injectable()
export class OpenWorkOrder {
  constructor(
    private readonly orders: WorkOrderRepository,
    private readonly sla: Sla,
    private readonly escalations: Escalations,
    private readonly events: EventPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async fromFunding(event: EnvelopeOf<typeof RemediationFundedV1>, now = new Date()): Promise<boolean> {
    const f: DataOf<typeof RemediationFundedV1> = event.data;
    const order = await this.draft(
      `wo-${f.remediationId}`,
      {
        source: 'remediation',
        remediationId: f.remediationId,
        fiscalYear: f.fiscalYear,
        shortfallId: f.shortfallId,
        assetId: f.assetId,
        department: f.department,
        ...(f.zoneId && { zoneId: f.zoneId }),
        priority: f.priority,
        taskType: f.taskType,
        quotaVersion: f.quotaVersion,
        quantity: f.quantity,
        unit: f.unit,
        standardHours: f.standardHours,
        fundedFen: f.amountFen,
        title: `${f.taskType} ${f.assetId} (${f.quantity} ${f.unit})`,
        correlationId: event.correlationId,
        createdBy: FUNDING.id,
      },
      now,
    );
    const created = await this.orders.insertOnce(order, [this.created(order, FUNDING, event.correlationId)]);
    if (created) await this.escalations.schedule({ ...order, version: 1 }, now);
    return created;
  }

  async byHand(request: ManualOrder, caller: Caller): Promise<WorkOrderDocument> {
    const viewer = viewerOf(caller);
    const department = request.department ?? viewer.department;
    const admin = viewer.roles.includes('admin');
    if (!department || (!admin && department !== viewer.department))
      throw new AccessDeniedError(
        `a supervisor opens work orders for their own department (${viewer.department ?? 'none in the token'})`,
      );
    const now = caller.now;
    const order = await this.draft(
      `wo-${now.getUTCFullYear()}-${randomBytes(5).toString('hex')}`,
      {
        source: 'supervisor',
        assetId: request.assetId,
        department,
        ...(request.zoneId && { zoneId: request.zoneId }),
        priority: request.priority,
        taskType: request.taskType,
        standardHours: request.standardHours,
        title: request.title,
        ...(request.description && { description: request.description }),
        ...(request.chargeTo && { chargeTo: request.chargeTo }),
        createdBy: caller.actor.id,
      },
      now,
    );
    await this.orders.insertOnce(order, [this.created(order, caller.actor)]);
    await this.audit.record({
      actor: caller.principal,
      action: 'workorder.create',
      resource: { type: 'work-order', id: order._id },
      after: { title: order.title, priority: order.priority, department },
      origin: caller.origin,
    });
    const stored = await this.orders.get(order._id);
    await this.escalations.schedule(stored, now);
    return stored;
  }

  /**
   * Opens a preventive plan's occurrence under the id derived from the plan, the asset and the
   * occurrence's date: generating again (a restart, a second instance) finds it made. False then.
   */
  async fromPlan(
    id: string,
    fields: Pick<
      WorkOrderDocument,
      'assetId' | 'department' | 'taskType' | 'standardHours' | 'title' | 'planId' | 'plannedAt'
    >,
    now: Date,
  ): Promise<boolean> {
    const actor: Actor = { kind: 'system', id: 'preventive-plans' };
    const order = await this.draft(
      id,
      { source: 'preventive', priority: 'P4', ...fields, createdBy: actor.id },
      now,
    );
    const created = await this.orders.insertOnce(order, [this.created(order, actor)]);
    if (created) await this.escalations.schedule({ ...order, version: 1 }, now);
    return created;
  }

  /**
   * Opens an order from an occupant's report (no account: the actor is the public channel), with
   * the id given so the report can point at it.
   */
  async fromRequest(
    id: string,
    fields: Pick<
      WorkOrderDocument,
      'assetId' | 'department' | 'zoneId' | 'priority' | 'taskType' | 'title' | 'description'
    >,
    now: Date,
  ): Promise<WorkOrderDocument> {
    const actor: Actor = { kind: 'system', id: 'occupant-report' };
    const order = await this.draft(
      id,
      {
        source: 'request',
        ...fields,
        standardHours: 0,
        createdBy: actor.id,
      },
      now,
    );
    await this.orders.insertOnce(order, [this.created(order, actor)]);
    const stored = await this.orders.get(id);
    await this.escalations.schedule(stored, now);
    return stored;
  }

  private async draft(
    id: string,
    fields: Omit<
      WorkOrderDocument,
      | '_id'
      | 'state'
      | 'holds'
      | 'due'
      | 'escalations'
      | 'photos'
      | 'history'
      | 'version'
      | 'createdAt'
      | 'updatedAt'
    >,
    now: Date,
  ): Promise<Omit<WorkOrderDocument, 'version'>> {
    return {
      _id: id,
      ...fields,
      state: 'new',
      holds: [],
      due: await this.sla.due(
        {
          createdAt: now,
          priority: fields.priority,
          holds: [],
          ...(fields.plannedAt && { plannedAt: fields.plannedAt }),
        },
        now,
      ),
      escalations: [],
      photos: [],
      history: [{ action: 'create', from: null, to: 'new', by: fields.createdBy, at: now }],
      createdAt: now,
      updatedAt: now,
    };
  }

  private created(order: Omit<WorkOrderDocument, 'version'>, actor: Actor, correlationId?: string) {
    return this.events.entry(
      WorkOrderCreatedV1,
      {
        workOrderId: order._id,
        source: order.source,
        ...(order.remediationId && { remediationId: order.remediationId }),
        ...(order.shortfallId && { shortfallId: order.shortfallId }),
        assetId: order.assetId,
        department: order.department,
        ...(order.zoneId && { zoneId: order.zoneId }),
        priority: order.priority,
        taskType: order.taskType,
        ...(order.quotaVersion !== undefined && { quotaVersion: order.quotaVersion }),
        ...(order.quantity !== undefined && { quantity: order.quantity }),
        ...(order.unit && { unit: order.unit }),
        standardHours: order.standardHours,
        title: order.title.slice(0, 200),
        respondBy: order.due.respondBy.toISOString(),
        resolveBy: order.due.resolveBy.toISOString(),
        createdAt: order.createdAt.toISOString(),
      },
      { actor, time: order.createdAt, ...(correlationId && { correlationId }) },
    ).entry;
  }
}

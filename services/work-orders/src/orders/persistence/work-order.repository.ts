import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import { NotFoundError } from '@buqi/domain-kernel';
import {
  AggregateStore,
  EventPublisher,
  isDuplicateKey,
  WITHOUT_INTERNAL_FIELDS,
  type OutboxEntry,
  type UpdateDocument,
} from '@buqi/messaging';
import { findPage, type ListRequest, type Page } from '@buqi/platform';
import type { Reach } from '../domain/access';
import { WORK_ORDER_MODEL, type WorkOrderDocument } from './work-order.schema';

/**
 * The only user of the WorkOrder model. Every state change is a version-guarded write of the order
 * with its events in its outbox (two concurrent moves on one order: one wins, the other gets 409).
 */
@Injectable()
export class WorkOrderRepository {
  private readonly store: AggregateStore<WorkOrderDocument>;

  constructor(
    @InjectModel(WORK_ORDER_MODEL) private readonly model: Model<WorkOrderDocument>,
    events: EventPublisher,
  ) {
    this.store = new AggregateStore(model, 'work order', events);
  }

  /** Inserts a new order with its events; false when one with the id exists (a redelivery). */
  async insertOnce(order: Omit<WorkOrderDocument, 'version'>, events: OutboxEntry[]): Promise<boolean> {
    try {
      await this.store.insert(order, events, order.createdAt);
      return true;
    } catch (err) {
      if (err instanceof Error && 'code' in err && (err as { code: unknown }).code === 'duplicate')
        return false;
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  update(
    id: string,
    version: number,
    update: UpdateDocument,
    events: OutboxEntry[] = [],
  ): Promise<WorkOrderDocument> {
    return this.store.update(id, version, update, events);
  }

  async get(id: string): Promise<WorkOrderDocument> {
    const order = await this.store.findById(id);
    if (!order) throw new NotFoundError('work order', id);
    return order;
  }

  list(reach: readonly Reach[], request: ListRequest): Promise<Page<WorkOrderDocument>> {
    // The scope's $or holds plain equalities, which sanitizeFilter leaves as they are.
    const filter = { ...request.filter, ...scopeFilter(reach) } as ListRequest['filter'];
    return findPage<WorkOrderDocument>(this.model, { ...request, filter }, WITHOUT_INTERNAL_FIELDS);
  }

  /** Open orders assigned to any of `assigneeIds`: their assignee and standard hours. */
  openAssignedTo(
    assigneeIds: readonly string[],
  ): Promise<Pick<WorkOrderDocument, 'assignee' | 'standardHours'>[]> {
    return this.model
      .find(
        {
          'assignee.id': mongoose.trusted({ $in: [...assigneeIds] }),
          state: mongoose.trusted({ $in: ['assigned', 'in-progress', 'on-hold', 'reopened'] }),
        },
        { assignee: 1, standardHours: 1 },
      )
      .lean<Pick<WorkOrderDocument, 'assignee' | 'standardHours'>[]>();
  }

  /** Orders of `assigneeIds` resolved since `since`: when, and when they were due. */
  resolvedBy(
    assigneeIds: readonly string[],
    since: Date,
  ): Promise<Pick<WorkOrderDocument, 'assignee' | 'resolvedAt' | 'due'>[]> {
    return this.model
      .find(
        {
          'assignee.id': mongoose.trusted({ $in: [...assigneeIds] }),
          resolvedAt: mongoose.trusted({ $gte: since }),
        },
        { assignee: 1, resolvedAt: 1, due: 1 },
      )
      .lean<Pick<WorkOrderDocument, 'assignee' | 'resolvedAt' | 'due'>[]>();
  }

  /**
   * Orders within reach verified in [from, to) (the 'verify' move of their history), by id: what a
   * contractor's settlement and the monthly scorecards count.
   */
  async verifiedBetween(from: Date, to: Date, reach: readonly Reach[]): Promise<WorkOrderDocument[]> {
    // FerretDB takes no field conditions in $elemMatch: find the verified orders with a move in the
    // period, then keep those whose verification it is.
    const found = await this.model
      .find(
        {
          state: 'verified',
          'history.at': mongoose.trusted({ $gte: from, $lt: to }),
          ...scopeFilter(reach),
        },
        WITHOUT_INTERNAL_FIELDS,
      )
      .sort({ _id: 1 })
      .lean<WorkOrderDocument[]>();
    return found.filter((o) =>
      o.history.some((h) => h.action === 'verify' && new Date(h.at) >= from && new Date(h.at) < to),
    );
  }

  /** Open orders due by `end`, soonest first (the day-end sweep; a campus has hundreds open, not millions). */
  openDueBy(end: Date): Promise<WorkOrderDocument[]> {
    return this.model
      .find(
        {
          state: mongoose.trusted({ $in: ['new', 'assigned', 'in-progress', 'on-hold', 'reopened'] }),
          'due.resolveBy': mongoose.trusted({ $lte: end }),
        },
        WITHOUT_INTERNAL_FIELDS,
      )
      .sort({ 'due.resolveBy': 1 })
      .limit(5_000)
      .lean<WorkOrderDocument[]>();
  }

  /** Open orders whose due times were counted over a year not entered yet. */
  openProvisional(): Promise<WorkOrderDocument[]> {
    return this.model
      .find(
        {
          state: mongoose.trusted({ $in: ['new', 'assigned', 'in-progress', 'on-hold', 'reopened'] }),
          'due.provisional': true,
        },
        WITHOUT_INTERNAL_FIELDS,
      )
      .lean<WorkOrderDocument[]>();
  }

  /** Open orders, oldest first, a page at a time: what the escalation reconciliation walks. */
  openAfter(afterId: string, limit: number): Promise<WorkOrderDocument[]> {
    return this.model
      .find(
        {
          state: mongoose.trusted({ $in: ['new', 'assigned', 'in-progress', 'on-hold', 'reopened'] }),
          _id: mongoose.trusted({ $gt: afterId }),
        },
        WITHOUT_INTERNAL_FIELDS,
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<WorkOrderDocument[]>();
  }
}

/** The orders within reach as a filter: values come from the verified token, never the request. */
function scopeFilter(reach: readonly Reach[]): Record<string, unknown> {
  if (reach.some((r) => 'all' in r)) return {};
  if (reach.length === 0) return { _id: mongoose.trusted({ $in: [] }) };
  return {
    $or: reach.map((r) =>
      'department' in r
        ? { department: r.department }
        : 'assignee' in r
          ? { 'assignee.kind': r.assignee.kind, 'assignee.id': r.assignee.id }
          : {},
    ),
  };
}

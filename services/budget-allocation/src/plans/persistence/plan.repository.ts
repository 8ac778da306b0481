import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import { NotFoundError } from '@buqi/domain-kernel';
import {
  AggregateStore,
  EventPublisher,
  WITHOUT_INTERNAL_FIELDS,
  type OutboxEntry,
  type UpdateDocument,
} from '@buqi/messaging';
import { findPage, type ListRequest, type Page } from '@buqi/platform';
import { DEFAULT_APPROVAL_STEPS, type ApprovalStep } from '../domain/approval-chain';
import {
  APPROVAL_POLICY_MODEL,
  PLAN_MODEL,
  type ApprovalPolicyDocument,
  type PlanDocument,
  type PlanProgress,
} from './plan.schema';

/** Lists leave out the candidates a plan was made from: they are the bulk of it. */
const LIST_PROJECTION = { ...WITHOUT_INTERNAL_FIELDS, candidates: 0 };

const POLICY_ID = 'investment-plan';

/**
 * The only user of the plan and approval-policy models. A plan's state changes are version-guarded
 * writes with their events in the same document (its outbox); progress reports are not state
 * changes and do not move the version, so they never make a signer's write conflict.
 */
@Injectable()
export class PlanRepository {
  private readonly store: AggregateStore<PlanDocument>;

  constructor(
    @InjectModel(PLAN_MODEL) private readonly model: Model<PlanDocument>,
    @InjectModel(APPROVAL_POLICY_MODEL) private readonly policies: Model<ApprovalPolicyDocument>,
    events: EventPublisher,
  ) {
    this.store = new AggregateStore(model, 'investment plan', events);
  }

  insert(plan: Omit<PlanDocument, 'version'>): Promise<PlanDocument> {
    return this.store.insert(plan);
  }

  update(
    id: string,
    version: number,
    update: UpdateDocument,
    events: OutboxEntry[] = [],
  ): Promise<PlanDocument> {
    return this.store.update(id, version, update, events);
  }

  async get(id: string): Promise<PlanDocument> {
    const plan = await this.store.findById(id);
    if (!plan) throw new NotFoundError('investment plan', id);
    return plan;
  }

  list(request: ListRequest): Promise<Page<PlanDocument>> {
    return findPage<PlanDocument>(this.model, request, LIST_PROJECTION);
  }

  /** The best plan found so far, while the plan is still being solved. */
  async progress(id: string, progress: PlanProgress): Promise<void> {
    await this.model.updateOne({ _id: id, status: 'solving' }, { $set: { progress } });
  }

  /** Plans an interrupted approval or revision left half done: the funding sweep finishes them. */
  async unfinished(startedBefore: Date): Promise<PlanDocument[]> {
    return this.model
      .find(
        {
          $or: [
            { status: 'funding', 'funding.startedAt': mongoose.trusted({ $lt: startedBefore }) },
            { status: 'approved', 'funding.fanOut': 'pending' },
          ],
        },
        LIST_PROJECTION,
      )
      .limit(100)
      .lean<PlanDocument[]>();
  }

  async policy(): Promise<ApprovalPolicyDocument> {
    const stored = await this.policies.findById(POLICY_ID).lean<ApprovalPolicyDocument>();
    return (
      stored ?? {
        _id: POLICY_ID,
        steps: [...DEFAULT_APPROVAL_STEPS],
        reason: 'the bureau’s default',
        updatedBy: 'system',
        updatedAt: new Date(0),
      }
    );
  }

  async savePolicy(
    steps: ApprovalStep[],
    reason: string,
    by: string,
    at: Date,
  ): Promise<ApprovalPolicyDocument> {
    const saved = await this.policies
      .findOneAndUpdate(
        { _id: POLICY_ID },
        { $set: { steps, reason, updatedBy: by, updatedAt: at } },
        { upsert: true, new: true },
      )
      .lean<ApprovalPolicyDocument>();
    return saved as ApprovalPolicyDocument;
  }
}

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
} from '@buqi/messaging';
import { findPage, type ListRequest, type Page } from '@buqi/platform';
import { CANDIDATE_MODEL, type CandidateDocument, type Funding } from './candidate.schema';

export type CandidateFields = Omit<
  CandidateDocument,
  '_id' | 'status' | 'createdAt' | 'updatedAt' | 'version' | 'funding'
>;

/**
 * The only user of the Candidate model. A shortfall's candidate is inserted once under its id; a
 * later detection replaces its fields only while it is open and only if newer, so redelivered and
 * repeated events change nothing; a resolution withdraws it, or leaves a withdrawn marker when it
 * came first (topics are not ordered with each other), so a late detection cannot open it.
 */
@Injectable()
export class CandidateRepository {
  private readonly store: AggregateStore<CandidateDocument>;

  constructor(
    @InjectModel(CANDIDATE_MODEL) private readonly model: Model<CandidateDocument>,
    events: EventPublisher,
  ) {
    this.store = new AggregateStore(model, 'candidate', events);
  }

  /** Records the funding decision with its event, if the candidate is still at `version`. */
  async decide(id: string, version: number, funding: Funding, events: OutboxEntry[]): Promise<void> {
    await this.store.update(id, version, { $set: { funding, updatedAt: funding.decidedAt } }, events);
  }

  async considered(
    id: string,
    fields: CandidateFields,
    at: Date,
  ): Promise<'created' | 'updated' | 'unchanged'> {
    try {
      await this.model.create({
        _id: id,
        status: 'open',
        ...fields,
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
      return 'created';
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const result = await this.model.updateOne(
      { _id: id, status: 'open', detectedAt: mongoose.trusted({ $lt: fields.detectedAt }) },
      { $set: { ...fields, updatedAt: at } },
    );
    return result.modifiedCount > 0 ? 'updated' : 'unchanged';
  }

  async withdraw(id: string, assetId: string, resolution: string, at: Date): Promise<void> {
    const result = await this.model.updateOne(
      { _id: id, status: 'open' },
      { $set: { status: 'withdrawn', withdrawnAt: at, resolution, updatedAt: at } },
    );
    if (result.matchedCount > 0) return;
    try {
      await this.model.create({
        _id: id,
        status: 'withdrawn',
        assetId,
        withdrawnAt: at,
        resolution,
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
    } catch (err) {
      // Already withdrawn (a repeat), or opened just now by a detection: withdraw that one.
      if (!isDuplicateKey(err)) throw err;
      await this.model.updateOne(
        { _id: id, status: 'open' },
        { $set: { status: 'withdrawn', withdrawnAt: at, resolution, updatedAt: at } },
      );
    }
  }

  /**
   * Replaces a not-costed candidate's options and risk with ones assessed again, and takes its
   * deferral back so the funding rules decide it anew — if it is still at `version` and deferred
   * as not costed. Returns whether it was.
   */
  async recosted(
    id: string,
    version: number,
    fields: Pick<CandidateFields, 'options' | 'conditionIndex' | 'risk' | 'riskScore' | 'priority'>,
    at: Date,
  ): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, version, status: 'open', 'funding.reason': 'not-costed' },
      { $set: { ...fields, updatedAt: at }, $unset: { funding: '' }, $inc: { version: 1 } },
    );
    return result.modifiedCount === 1;
  }

  /** The candidate with its version, for a decision guarded by it. */
  async getForDecision(id: string): Promise<CandidateDocument> {
    const doc = await this.store.findById(id);
    if (!doc) throw new NotFoundError('candidate', id);
    return doc;
  }

  async get(id: string): Promise<CandidateDocument> {
    const doc = await this.model.findById(id, WITHOUT_INTERNAL_FIELDS).lean<CandidateDocument>();
    if (!doc) throw new NotFoundError('candidate', id);
    return doc;
  }

  /**
   * Open candidates no rule or plan has funded (none decided, or deferred): what a plan or a what-if
   * starts from, riskiest first.
   */
  awaitingPlan(): Promise<CandidateDocument[]> {
    return this.model
      .find(
        { status: 'open', 'funding.status': mongoose.trusted({ $ne: 'funded' }) },
        WITHOUT_INTERNAL_FIELDS,
      )
      .sort({ riskScore: -1, _id: 1 })
      .lean<CandidateDocument[]>();
  }

  findMany(ids: readonly string[]): Promise<CandidateDocument[]> {
    return this.model
      .find({ _id: mongoose.trusted({ $in: [...ids] }) }, WITHOUT_INTERNAL_FIELDS)
      .lean<CandidateDocument[]>();
  }

  /**
   * Marks a candidate funded by an approved plan (its remediation.funded.v1 is in the plan's
   * outbox), unless something funded it already: repeating it changes nothing.
   */
  async fundedByPlan(id: string, funding: Funding): Promise<void> {
    await this.model.updateOne(
      { _id: id, 'funding.status': mongoose.trusted({ $ne: 'funded' }) },
      { $set: { funding, updatedAt: funding.decidedAt }, $inc: { version: 1 } },
    );
  }

  /**
   * The funding of `remediationId` was taken back (a plan revised, the work cancelled): its
   * candidate, still open, awaits a plan again. Once: a repeat finds it no longer funded by it.
   */
  async fundingWithdrawn(id: string, remediationId: string, detail: string, at: Date): Promise<void> {
    await this.model.updateOne(
      { _id: id, 'funding.status': 'funded', 'funding.remediationId': remediationId },
      {
        $set: {
          funding: { status: 'deferred', reason: 'funding-withdrawn', detail, decidedAt: at },
          updatedAt: at,
        },
        $inc: { version: 1 },
      },
    );
  }

  list(request: ListRequest): Promise<Page<CandidateDocument>> {
    return findPage<CandidateDocument>(this.model, request, WITHOUT_INTERNAL_FIELDS);
  }
}

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

  list(request: ListRequest): Promise<Page<CandidateDocument>> {
    return findPage<CandidateDocument>(this.model, request, WITHOUT_INTERNAL_FIELDS);
  }
}

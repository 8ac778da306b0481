import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import { NotFoundError } from '@buqi/domain-kernel';
import { isDuplicateKey } from '@buqi/messaging';
import { findPage, type ListRequest, type Page } from '@buqi/platform';
import { CANDIDATE_MODEL, type CandidateDocument } from './candidate.schema';

export type CandidateFields = Omit<CandidateDocument, '_id' | 'status' | 'createdAt' | 'updatedAt'>;

/**
 * The only user of the Candidate model. A shortfall's candidate is inserted once under its id; a
 * later detection replaces its fields only while it is open and only if newer, so redelivered and
 * repeated events change nothing; a resolution withdraws it, or leaves a withdrawn marker when it
 * came first (topics are not ordered with each other), so a late detection cannot open it.
 */
@Injectable()
export class CandidateRepository {
  constructor(@InjectModel(CANDIDATE_MODEL) private readonly model: Model<CandidateDocument>) {}

  async considered(
    id: string,
    fields: CandidateFields,
    at: Date,
  ): Promise<'created' | 'updated' | 'unchanged'> {
    try {
      await this.model.create({ _id: id, status: 'open', ...fields, createdAt: at, updatedAt: at });
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

  async get(id: string): Promise<CandidateDocument> {
    const doc = await this.model.findById(id).lean<CandidateDocument>();
    if (!doc) throw new NotFoundError('candidate', id);
    return doc;
  }

  list(request: ListRequest): Promise<Page<CandidateDocument>> {
    return findPage<CandidateDocument>(this.model, request);
  }
}

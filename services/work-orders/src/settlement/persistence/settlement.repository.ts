import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ConflictError, NotFoundError } from '@buqi/domain-kernel';
import { isDuplicateKey } from '@buqi/messaging';
import { findPage, type ListRequest, type Page } from '@buqi/platform';
import { SETTLEMENT_MODEL, type SettlementDocument } from './settlement.schema';

/** What a computation sets on a statement. */
export type ComputedStatement = Omit<
  SettlementDocument,
  '_id' | 'status' | 'approvedAt' | 'approvedBy' | 'version' | 'createdAt' | 'createdBy' | 'updatedAt'
>;

/** The refusal to change a statement once approved. */
export const approvedAlready = (s: Pick<SettlementDocument, '_id' | 'approvedAt' | 'approvedBy'>) =>
  new ConflictError(
    'settlement-approved',
    `settlement ${s._id} was approved${s.approvedBy ? ` by ${s.approvedBy}` : ''}${
      s.approvedAt ? ` at ${new Date(s.approvedAt).toISOString()}` : ''
    }: it is fixed`,
    { status: 'approved' },
  );

/**
 * The only user of the Settlement model. Every change is guarded by the status (an approved
 * statement is never written again) and the version read (two concurrent changes: one wins).
 */
@Injectable()
export class SettlementRepository {
  constructor(@InjectModel(SETTLEMENT_MODEL) private readonly model: Model<SettlementDocument>) {}

  async find(id: string): Promise<SettlementDocument | undefined> {
    return (await this.model.findById(id).lean<SettlementDocument>()) ?? undefined;
  }

  async get(id: string): Promise<SettlementDocument> {
    const s = await this.find(id);
    if (!s) throw new NotFoundError('settlement', id);
    return s;
  }

  /** A page of statements; only one contractor's when `contractorId` is given. */
  list(request: ListRequest, contractorId?: string): Promise<Page<SettlementDocument>> {
    const filter = { ...request.filter, ...(contractorId !== undefined && { contractorId }) };
    return findPage<SettlementDocument>(this.model, { ...request, filter });
  }

  /** Stores a new draft; 409 when another request stored it first. */
  async insertDraft(id: string, computed: ComputedStatement, at: Date): Promise<SettlementDocument> {
    const doc: SettlementDocument = {
      _id: id,
      ...computed,
      status: 'draft',
      version: 1,
      createdAt: at,
      createdBy: computed.computedBy,
      updatedAt: at,
    };
    try {
      await this.model.create(doc);
    } catch (err) {
      if (isDuplicateKey(err))
        throw new ConflictError('concurrent', `settlement ${id} was just computed by another request`);
      throw err;
    }
    return this.get(id);
  }

  /** Replaces a draft's figures, if it is still the draft at `version` that was read. */
  async replaceDraft(
    id: string,
    version: number,
    computed: ComputedStatement,
    at: Date,
  ): Promise<SettlementDocument> {
    const r = await this.model.updateOne(
      { _id: id, version, status: 'draft' },
      { $set: { ...computed, updatedAt: at }, $inc: { version: 1 } },
      { runValidators: true },
    );
    if (r.matchedCount === 0) await this.refuse(id, version);
    return this.get(id);
  }

  /** Approves a draft once (at `version` when given); a statement approved already is a 409. */
  async approve(id: string, version: number | undefined, by: string, at: Date): Promise<SettlementDocument> {
    const r = await this.model.updateOne(
      { _id: id, status: 'draft', ...(version !== undefined && { version }) },
      { $set: { status: 'approved', approvedAt: at, approvedBy: by, updatedAt: at }, $inc: { version: 1 } },
    );
    if (r.matchedCount === 0) await this.refuse(id, version);
    return this.get(id);
  }

  /** Why a guarded write matched nothing: no such statement, approved already, or changed meanwhile. */
  private async refuse(id: string, version: number | undefined): Promise<never> {
    const current = await this.get(id);
    if (current.status === 'approved') throw approvedAlready(current);
    throw new ConflictError(
      'stale',
      `settlement ${id} is at version ${current.version}, not ${version ?? 'the one read'}`,
      { current: current.version },
    );
  }
}

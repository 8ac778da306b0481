import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import { NotFoundError } from '@buqi/domain-kernel';
import { AggregateStore, EventPublisher, WITHOUT_INTERNAL_FIELDS, type OutboxEntry } from '@buqi/messaging';
import type { BudgetYear, Commitment } from '../domain/budget-year';
import {
  BUDGET_YEAR_MODEL,
  type BudgetYearDocument,
  type StoredActual,
  type StoredCommitment,
} from './budget-year.schema';

/** A year as the API shows it: the domain's counters, its commitments and the bookkeeping. */
export type StoredBudgetYear = BudgetYear &
  Pick<
    BudgetYearDocument,
    | 'version'
    | 'commitments'
    | 'actuals'
    | 'thresholds'
    | 'createdAt'
    | 'createdBy'
    | 'updatedAt'
    | 'updatedBy'
  >;

/** What committing did: a new commitment, or the same one found already made. */
export interface Committed {
  year: StoredBudgetYear;
  created: boolean;
}

/**
 * The only user of the BudgetYear model. A commitment is one conditional update of the year's
 * document: its filter requires every limit it draws on to have the amount available (and the
 * commitment not to be there yet), its update moves them all and records it. Concurrent
 * commitments therefore never pass a limit, whatever their interleaving; the read before it only
 * chooses which caps the filter names, and the filter re-checks that too.
 */
@Injectable()
export class BudgetYearRepository {
  private readonly store: AggregateStore<BudgetYearDocument>;

  constructor(
    @InjectModel(BUDGET_YEAR_MODEL) private readonly model: Model<BudgetYearDocument>,
    events: EventPublisher,
  ) {
    this.store = new AggregateStore(model, 'budget year', events);
  }

  async get(fiscalYear: number): Promise<StoredBudgetYear> {
    const doc = await this.store.findById(String(fiscalYear));
    if (!doc) throw new NotFoundError('budget year', String(fiscalYear));
    return toYear(doc);
  }

  async list(): Promise<StoredBudgetYear[]> {
    const docs = await this.model
      .find({}, WITHOUT_INTERNAL_FIELDS)
      .sort({ fiscalYear: -1 })
      .lean<BudgetYearDocument[]>();
    return docs.map(toYear);
  }

  async find(fiscalYear: number): Promise<StoredBudgetYear | undefined> {
    const doc = await this.store.findById(String(fiscalYear));
    return doc ? toYear(doc) : undefined;
  }

  /**
   * Books an actual cost against its envelope once per completion event: the record's absence is in
   * the filter, the record and the envelope's actual move in the same update. False when it was
   * booked already (or the year is gone).
   */
  async tryBookActual(fiscalYear: number, eventId: string, actual: StoredActual, at: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: String(fiscalYear), [`actuals.${eventId}`]: mongoose.trusted({ $exists: false }) },
      {
        $inc: { [`envelopes.${actual.envelope}.actualFen`]: actual.amountFen, version: 1 },
        $set: { [`actuals.${eventId}`]: actual, updatedAt: at, updatedBy: 'work-orders' },
      },
    );
    return result.modifiedCount > 0;
  }

  async create(year: BudgetYear, by: string, at: Date): Promise<StoredBudgetYear> {
    return toYear(
      await this.store.insert({
        _id: String(year.fiscalYear),
        ...year,
        commitments: {},
        actuals: {},
        createdAt: at,
        createdBy: by,
        updatedAt: at,
        updatedBy: by,
      }),
    );
  }

  /** Marks threshold crossings announced, with their events, if the year is still at `version`. */
  async announce(
    fiscalYear: number,
    version: number,
    marks: readonly { envelope: string; thresholdPct: number }[],
    at: Date,
    events: OutboxEntry[],
  ): Promise<void> {
    const set = Object.fromEntries(marks.map((m) => [`thresholds.${m.envelope}.${m.thresholdPct}`, at]));
    await this.store.update(String(fiscalYear), version, { $set: set }, events, at);
  }

  /** New limits, if the year is still at `version` (every commitment moves it): else a 409. */
  async saveLimits(year: BudgetYear, version: number, by: string, at: Date): Promise<StoredBudgetYear> {
    const { envelopes, departmentCaps, zoneCaps } = year;
    return toYear(
      await this.store.update(String(year.fiscalYear), version, {
        $set: { envelopes, departmentCaps, zoneCaps, updatedAt: at, updatedBy: by },
      }),
    );
  }

  /**
   * Commits all of `commitments` against the year in one conditional update, if every limit they
   * draw on has their sum available and none of them is there yet; undefined when the year, as it
   * now stands, refused them (the caller explains why from a fresh read). All or nothing. Commitments
   * in `releases` are given back in the same update (a swap: what they free pays for the new ones),
   * provided they are still there as read.
   */
  async tryCommit(
    fiscalYear: number,
    shape: StoredBudgetYear,
    commitments: readonly Commitment[],
    by: string,
    at: Date,
    releases: readonly { id: string; commitment: StoredCommitment }[] = [],
  ): Promise<StoredBudgetYear | undefined> {
    const filter: Record<string, unknown> = { _id: String(fiscalYear) };
    const drawn = new Map<string, number>();
    const set: Record<string, unknown> = { updatedAt: at, updatedBy: by };
    const unset: Record<string, ''> = {};
    for (const { id, commitment: r } of releases) {
      filter[`commitments.${id}.amountFen`] = r.amountFen;
      filter[`commitments.${id}.at`] = r.at;
      unset[`commitments.${id}`] = '';
      for (const path of r.draws) drawn.set(path, (drawn.get(path) ?? 0) - r.amountFen);
    }
    for (const c of commitments) {
      const draws = [`envelopes.${c.envelope}`];
      filter[`commitments.${c.id}`] = mongoose.trusted({ $exists: false });
      for (const [path, present] of [
        [`departmentCaps.${c.department}`, c.department in shape.departmentCaps],
        ...(c.zoneId ? [[`zoneCaps.${c.zoneId}`, c.zoneId in shape.zoneCaps] as const] : []),
      ] as const) {
        if (present) draws.push(path);
        // A cap added or removed since the read changes what must be checked: the filter misses.
        else filter[path] = mongoose.trusted({ $exists: false });
      }
      for (const path of draws) drawn.set(path, (drawn.get(path) ?? 0) + c.amountFen);
      const record: StoredCommitment = {
        envelope: c.envelope,
        amountFen: c.amountFen,
        department: c.department,
        ...(c.zoneId && { zoneId: c.zoneId }),
        reason: c.reason,
        draws,
        at,
        by,
      };
      set[`commitments.${c.id}`] = record;
    }
    const inc: Record<string, number> = { version: 1 };
    for (const [path, amount] of drawn) {
      if (amount > 0) filter[`${path}.availableFen`] = mongoose.trusted({ $gte: amount });
      inc[`${path}.availableFen`] = -amount;
      inc[`${path}.committedFen`] = amount;
    }
    const update = { $inc: inc, $set: set, ...(releases.length > 0 && { $unset: unset }) };
    const after = await this.model
      // FerretDB 1.24 takes no projection on findAndModify: internal fields are dropped by toYear.
      .findOneAndUpdate(filter, update, { new: true })
      .lean<BudgetYearDocument>();
    return after ? toYear(after) : undefined;
  }

  /** Gives a commitment's amount back to every limit it drew on, once; undefined when it is gone. */
  async tryRelease(
    fiscalYear: number,
    id: string,
    c: StoredCommitment,
    by: string,
    at: Date,
  ): Promise<StoredBudgetYear | undefined> {
    const inc: Record<string, number> = { version: 1 };
    for (const path of c.draws) {
      inc[`${path}.availableFen`] = c.amountFen;
      inc[`${path}.committedFen`] = -c.amountFen;
    }
    const after = await this.model
      .findOneAndUpdate(
        {
          _id: String(fiscalYear),
          [`commitments.${id}.amountFen`]: c.amountFen,
          [`commitments.${id}.at`]: c.at,
        },
        { $inc: inc, $unset: { [`commitments.${id}`]: '' }, $set: { updatedAt: at, updatedBy: by } },
        { new: true },
      )
      .lean<BudgetYearDocument>();
    return after ? toYear(after) : undefined;
  }
}

/** The year without its `_id` and the outbox's internal fields (`_outbox`, `_appliedEvents` …). */
function toYear(doc: BudgetYearDocument): StoredBudgetYear {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_'))) as StoredBudgetYear;
}

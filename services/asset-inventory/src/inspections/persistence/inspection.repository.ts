import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import { NotFoundError } from '@buqi/domain-kernel';
import { findPage, type ListRequest, type Page } from '@buqi/platform';
import { INSPECTION_MODEL, type InspectionDocument } from './inspection.schema';

export type StoredInspection = Omit<InspectionDocument, '_id'> & { id: string };

/** An assessed condition of an asset's history, without the factors behind it. */
export type ConditionRecord = Pick<StoredInspection, 'id' | 'inspectedAt'> &
  Pick<NonNullable<StoredInspection['condition']>, 'index' | 'grade' | 'method'>;

const NEWEST_FIRST = { inspectedAt: -1, _id: -1 } as const;

/** The only user of the Inspection model: inspections are inserted once and read lean. */
@Injectable()
export class InspectionRepository {
  constructor(@InjectModel(INSPECTION_MODEL) private readonly model: Model<InspectionDocument>) {}

  async insert(inspection: InspectionDocument): Promise<StoredInspection> {
    const created = await this.model.create(inspection);
    return toInspection(created.toObject());
  }

  /** The shortfall rules were told of the inspection (or it had nothing to tell them). */
  async told(id: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $unset: { signalPending: '' } });
  }

  /** Inspections recorded before `before` whose shortfall signal was never sent, oldest first. */
  async untold(before: Date, limit: number): Promise<StoredInspection[]> {
    const docs = await this.model
      .find({ signalPending: true, recordedAt: mongoose.trusted({ $lt: before }) })
      .sort({ recordedAt: 1, _id: 1 })
      .limit(limit)
      .lean<InspectionDocument[]>();
    return docs.map(toInspection);
  }

  async get(assetId: string, id: string): Promise<StoredInspection> {
    const doc = await this.model.findOne({ _id: id, assetId }).lean<InspectionDocument>();
    if (!doc) throw new NotFoundError('inspection', id);
    return toInspection(doc);
  }

  async page(assetId: string, request: ListRequest): Promise<Page<StoredInspection>> {
    const page = await findPage<InspectionDocument>(this.model, {
      ...request,
      filter: { ...request.filter, assetId },
    });
    return { ...page, items: page.items.map(toInspection) };
  }

  /** The asset's newest inspection (of those with a condition index, when asked). */
  async newest(assetId: string, only: { withCondition: boolean }): Promise<StoredInspection | undefined> {
    const doc = await this.model
      .findOne({ assetId, ...(only.withCondition && { hasCondition: true }) })
      .sort(NEWEST_FIRST)
      .lean<InspectionDocument>();
    return doc ? toInspection(doc) : undefined;
  }

  /** A device's newest inspection that recorded a calibration. */
  async newestCalibration(assetId: string): Promise<StoredInspection | undefined> {
    const doc = await this.model
      .findOne({ assetId, calibration: mongoose.trusted({ $exists: true }) })
      .sort(NEWEST_FIRST)
      .lean<InspectionDocument>();
    return doc ? toInspection(doc) : undefined;
  }

  /** The conditions assessed from `from` to `to`, oldest first; at most `limit` of them. */
  async conditions(assetId: string, from: Date, to: Date, limit: number): Promise<ConditionRecord[]> {
    const docs = await this.model
      .find(
        // sanitizeFilter is on: the range is ours, so it is marked trusted.
        { assetId, hasCondition: true, inspectedAt: mongoose.trusted({ $gte: from, $lte: to }) },
        { inspectedAt: 1, 'condition.index': 1, 'condition.grade': 1, 'condition.method': 1 },
      )
      .sort({ inspectedAt: 1, _id: 1 })
      .limit(limit)
      .lean<Pick<InspectionDocument, '_id' | 'inspectedAt' | 'condition'>[]>();
    return docs.map((d) => {
      const c = d.condition as NonNullable<InspectionDocument['condition']>;
      return {
        id: d._id,
        inspectedAt: d.inspectedAt,
        index: c.index,
        ...(c.grade !== undefined && { grade: c.grade }),
        method: c.method,
      };
    });
  }
}

function toInspection(doc: InspectionDocument): StoredInspection {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}

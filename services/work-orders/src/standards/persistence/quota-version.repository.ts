import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import { isDuplicateKey } from '@buqi/messaging';
import { quotaKey, type QuotaVersion } from '../domain/quota';
import { QUOTA_VERSION_MODEL, type QuotaVersionDocument } from './quota-version.schema';

/** The only user of the QuotaVersion model. */
@Injectable()
export class QuotaVersionRepository {
  constructor(@InjectModel(QUOTA_VERSION_MODEL) private readonly model: Model<QuotaVersionDocument>) {}

  /**
   * Stores a publication of a version unless one published at the same time or later is stored: a
   * redelivery changes nothing, a later publication (its effectiveTo set) replaces the whole version.
   */
  async apply(v: QuotaVersion): Promise<'applied' | 'stale'> {
    const doc: QuotaVersionDocument = {
      _id: quotaKey(v.taskType, v.version),
      taskType: v.taskType,
      version: v.version,
      name: v.name,
      unit: v.unit,
      standardHoursPerUnit: v.standardHoursPerUnit,
      labourFenPerUnit: v.labourFenPerUnit,
      materialsFenPerUnit: v.materialsFenPerUnit,
      quality: {
        checklist: [...v.quality.checklist],
        acceptance: v.quality.acceptance.map((a) => ({ ...a })),
      },
      effectiveFrom: v.effectiveFrom,
      ...(v.effectiveTo && { effectiveTo: v.effectiveTo }),
      publishedAt: v.publishedAt,
    };
    try {
      const r = await this.model.replaceOne(
        // An operator of ours, so marked trusted for the platform's sanitizeFilter.
        { _id: doc._id, publishedAt: mongoose.trusted({ $lt: v.publishedAt }) },
        doc,
        { upsert: true, runValidators: true },
      );
      return r.matchedCount === 1 || r.upsertedCount === 1 ? 'applied' : 'stale';
    } catch (err) {
      // Stored already, published at the same time or later: the upsert's insert collides with it.
      if (isDuplicateKey(err)) return 'stale';
      throw err;
    }
  }

  async find(taskType: string, version: number): Promise<QuotaVersion | undefined> {
    const doc = await this.model.findById(quotaKey(taskType, version)).lean<QuotaVersionDocument>();
    return doc ? toVersion(doc) : undefined;
  }

  /** A task type's versions, oldest first. */
  async ofTaskType(taskType: string): Promise<QuotaVersion[]> {
    const docs = await this.model.find({ taskType }).sort({ version: 1 }).lean<QuotaVersionDocument[]>();
    return docs.map(toVersion);
  }

  /** Every version of every task type, by task type then version. */
  async all(): Promise<QuotaVersion[]> {
    const docs = await this.model.find({}).sort({ taskType: 1, version: 1 }).lean<QuotaVersionDocument[]>();
    return docs.map(toVersion);
  }
}

function toVersion(doc: QuotaVersionDocument): QuotaVersion {
  const { _id: _key, ...version } = doc;
  return version;
}

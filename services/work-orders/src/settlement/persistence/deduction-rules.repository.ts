import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ConflictError } from '@buqi/domain-kernel';
import { isDuplicateKey } from '@buqi/messaging';
import { DEFAULT_DEDUCTION_RULES, type DeductionRules } from '../domain/settlement';
import { DEDUCTION_RULES_ID, DEDUCTION_RULES_MODEL, type DeductionRulesDocument } from './settlement.schema';

/** The rules in force: the stored ones, or the bureau's default (version 0) until finance sets them. */
export interface CurrentRules {
  readonly rules: DeductionRules;
  readonly version: number;
  readonly reason?: string;
  readonly updatedAt?: Date;
  readonly updatedBy?: string;
}

/** The only user of the deduction-rules model. */
@Injectable()
export class DeductionRulesRepository {
  constructor(@InjectModel(DEDUCTION_RULES_MODEL) private readonly model: Model<DeductionRulesDocument>) {}

  async current(): Promise<CurrentRules> {
    const doc = await this.model.findById(DEDUCTION_RULES_ID).lean<DeductionRulesDocument>();
    if (!doc) return { rules: DEFAULT_DEDUCTION_RULES, version: 0 };
    return {
      rules: {
        rejectionBp: doc.rejectionBp,
        failedChecklistItemBp: doc.failedChecklistItemBp,
        orderCapBp: doc.orderCapBp,
        unreportedItemsFail: doc.unreportedItemsFail,
      },
      version: doc.version,
      reason: doc.reason,
      updatedAt: doc.updatedAt,
      updatedBy: doc.updatedBy,
    };
  }

  /** Stores new rules over the version read (0: the default); 409 when they changed meanwhile. */
  async replace(
    rules: DeductionRules,
    expected: number,
    change: { reason: string; by: string; at: Date },
  ): Promise<CurrentRules> {
    const fields = { ...rules, reason: change.reason, updatedAt: change.at, updatedBy: change.by };
    try {
      if (expected === 0) await this.model.create({ _id: DEDUCTION_RULES_ID, ...fields, version: 1 });
      else {
        const r = await this.model.updateOne(
          { _id: DEDUCTION_RULES_ID, version: expected },
          { $set: fields, $inc: { version: 1 } },
          { runValidators: true },
        );
        if (r.matchedCount === 0) throw await this.stale(expected);
      }
    } catch (err) {
      if (isDuplicateKey(err)) throw await this.stale(expected);
      throw err;
    }
    return this.current();
  }

  private async stale(expected: number): Promise<ConflictError> {
    const { version } = await this.current();
    return new ConflictError('stale', `the deduction rules are at version ${version}, not ${expected}`, {
      current: version,
    });
  }
}

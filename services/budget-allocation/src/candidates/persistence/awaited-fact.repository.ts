import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AWAITED_FACT_MODEL, type AwaitedFact } from './awaited-fact.schema';

/** The facts candidates wait for (AwaitedFact), the only user of its model. */
@Injectable()
export class AwaitedFactRepository {
  constructor(@InjectModel(AWAITED_FACT_MODEL) private readonly model: Model<AwaitedFact>) {}

  static asset(assetId: string): string {
    return `asset:${assetId}`;
  }

  static task(taskType: string): string {
    return `task:${taskType}`;
  }

  /** `candidateId` waits for each of `facts`; repeating it changes nothing. */
  async await(candidateId: string, facts: readonly string[]): Promise<void> {
    await Promise.all(
      facts.map((fact) =>
        this.model.updateOne({ _id: fact }, { $addToSet: { candidateIds: candidateId } }, { upsert: true }),
      ),
    );
  }

  /** The candidates waiting for `fact`. */
  async waiting(fact: string): Promise<string[]> {
    const doc = await this.model.findById(fact).lean<AwaitedFact>();
    return doc?.candidateIds ?? [];
  }

  /** `candidateIds` no longer wait for `fact` (they were considered again after it arrived). */
  async release(fact: string, candidateIds: readonly string[]): Promise<void> {
    if (candidateIds.length === 0) return;
    await this.model.updateOne({ _id: fact }, { $pullAll: { candidateIds: [...candidateIds] } });
  }
}

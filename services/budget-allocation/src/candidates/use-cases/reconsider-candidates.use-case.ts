import { Injectable } from '@nestjs/common';
import { CandidateRepository } from '../persistence/candidate.repository';
import { ConsiderShortfall } from './consider-shortfall.use-case';

/**
 * Finds the candidates a newly known fact may let the funding rules decide (deferred as not costed,
 * or not decided at all) and has each considered again (ConsiderShortfall.reconsider).
 */
@Injectable()
export class ReconsiderCandidates {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly consider: ConsiderShortfall,
  ) {}

  /** After an asset's state arrived: its candidates. Returns how many were decided now. */
  async ofAsset(assetId: string): Promise<number> {
    return this.each(await this.candidates.awaitingCosts(assetId));
  }

  /** After a quota version of `taskType` arrived: candidates with an option of that task type. */
  async needing(taskType: string): Promise<number> {
    const waiting = await this.candidates.awaitingCosts();
    return this.each(waiting.filter((c) => (c.options ?? []).some((o) => o.taskType === taskType)));
  }

  private async each(candidates: readonly { _id: string }[]): Promise<number> {
    let decided = 0;
    for (const c of candidates) if (await this.consider.reconsider(c._id)) decided++;
    return decided;
  }
}

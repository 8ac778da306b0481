import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@buqi/domain-kernel';
import { AwaitedFactRepository } from '../persistence/awaited-fact.repository';
import { ConsiderShortfall } from './consider-shortfall.use-case';

/**
 * A fact arrived (an asset's state, a quota version of a task type): the candidates that waited for
 * it to be costed are considered again (ConsiderShortfall.reconsider), then no longer wait for it
 * unless they still cannot be costed. A crash before that leaves them waiting, and the fact's
 * redelivery considers them again, which changes nothing for those already decided.
 */
@Injectable()
export class ReconsiderCandidates {
  constructor(
    private readonly awaited: AwaitedFactRepository,
    private readonly consider: ConsiderShortfall,
  ) {}

  /** After an asset's state arrived. Returns how many candidates were decided now. */
  ofAsset(assetId: string): Promise<number> {
    return this.after(AwaitedFactRepository.asset(assetId));
  }

  /** After a quota version of `taskType` arrived. Returns how many candidates were decided now. */
  needing(taskType: string): Promise<number> {
    return this.after(AwaitedFactRepository.task(taskType));
  }

  private async after(fact: string): Promise<number> {
    let decided = 0;
    const done: string[] = [];
    for (const id of await this.awaited.waiting(fact)) {
      const outcome = await this.consider.reconsider(id).catch((err: unknown) => {
        if (err instanceof NotFoundError) return 'unchanged' as const;
        throw err;
      });
      if (outcome === 'decided') decided++;
      if (outcome !== 'waiting') done.push(id);
    }
    await this.awaited.release(fact, done);
    return decided;
  }
}

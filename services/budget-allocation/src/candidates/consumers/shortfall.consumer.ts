import { Injectable } from '@nestjs/common';
import { ShortfallDetectedV2, ShortfallResolvedV1, type EnvelopeOf } from '@buqi/contracts';
import { OnEvent } from '@buqi/messaging';
import { ConsiderShortfall } from '../use-cases/consider-shortfall.use-case';
import { CandidateRepository } from '../persistence/candidate.repository';

/** Shortfalls from asset-inventory become remediation candidates; resolved ones withdraw theirs. */
@Injectable()
export class ShortfallConsumer {
  constructor(
    private readonly consider: ConsiderShortfall,
    private readonly candidates: CandidateRepository,
  ) {}

  @OnEvent(ShortfallDetectedV2)
  async detected(event: EnvelopeOf<typeof ShortfallDetectedV2>): Promise<void> {
    await this.consider.execute(event.data);
  }

  @OnEvent(ShortfallResolvedV1)
  async resolved(event: EnvelopeOf<typeof ShortfallResolvedV1>): Promise<void> {
    const { shortfallId, assetId, resolution, resolvedAt } = event.data;
    await this.candidates.withdraw(shortfallId, assetId, resolution, new Date(resolvedAt));
  }
}

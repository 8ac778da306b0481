import { Injectable } from '@nestjs/common';
import { WorkOrderCancelledV1, type EnvelopeOf } from '@buqi/contracts';
import { OnEvent } from '@buqi/messaging';
import { BudgetYearRepository } from '../../budgets/persistence/budget-year.repository';
import { CandidateRepository } from '../persistence/candidate.repository';

/**
 * A cancelled work order gives back what its remediation committed (once: the release is
 * conditional on the commitment being there) and its candidate, if still open, awaits a plan again.
 * Work no remediation funded committed nothing: there is nothing to do.
 */
@Injectable()
export class WorkOrderCancelledConsumer {
  constructor(
    private readonly years: BudgetYearRepository,
    private readonly candidates: CandidateRepository,
  ) {}

  @OnEvent(WorkOrderCancelledV1)
  async handle(event: EnvelopeOf<typeof WorkOrderCancelledV1>): Promise<void> {
    const { remediationId, fiscalYear, workOrderId, reason } = event.data;
    if (!remediationId || fiscalYear === undefined) return;
    const year = await this.years.find(fiscalYear);
    const commitment = year?.commitments[remediationId];
    if (commitment)
      await this.years.tryRelease(fiscalYear, remediationId, commitment, event.actor.id, new Date());
    if (event.data.shortfallId)
      await this.candidates.fundingWithdrawn(
        event.data.shortfallId,
        remediationId,
        `work order ${workOrderId} was cancelled: ${reason}`.slice(0, 500),
        new Date(),
      );
  }
}

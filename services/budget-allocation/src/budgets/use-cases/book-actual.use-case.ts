import { Injectable } from '@nestjs/common';
import type { DataOf, WorkOrderCompletedV1 } from '@buqi/contracts';
import { NotFoundError } from '@buqi/domain-kernel';
import { BudgetYearRepository, type StoredBudgetYear } from '../persistence/budget-year.repository';

/**
 * Books what a completed work order cost: against its remediation's commitment (in that commitment's
 * year and envelope) when the work was funded, else against the envelope the event names (maintenance
 * when it names none) of the year it was completed in (occupants' requests, supervisors' orders,
 * preventive rounds). Once per completion event: a reopened order's second completion is another
 * event and books only its own cost.
 */
@Injectable()
export class BookActual {
  constructor(private readonly years: BudgetYearRepository) {}

  async execute(
    eventId: string,
    d: DataOf<typeof WorkOrderCompletedV1>,
  ): Promise<'booked' | 'already-booked'> {
    const completedAt = new Date(d.completedAt);
    const completedYear = completedAt.getUTCFullYear();
    const current = await this.years.find(completedYear);
    const funding = d.remediationId
      ? await this.fundedBy(d.remediationId, current, completedYear)
      : undefined;
    const year = funding?.year ?? current;
    if (!year) throw new NotFoundError('budget year', String(completedYear));
    const fiscalYear = year.fiscalYear;
    const envelope = funding?.commitment.envelope ?? d.envelope ?? 'maintenance';
    const commitmentId = funding ? d.remediationId : undefined;
    const booked = await this.years.tryBookActual(
      fiscalYear,
      eventId,
      {
        workOrderId: d.workOrderId,
        envelope,
        amountFen: d.actualCostFen,
        ...(commitmentId && { commitmentId }),
        completedAt,
      },
      new Date(),
    );
    return booked ? 'booked' : 'already-booked';
  }

  /** The commitment the work was funded by: in the year it was completed, or (funded late) the one before. */
  private async fundedBy(id: string, current: StoredBudgetYear | undefined, completedYear: number) {
    const inCurrent = current?.commitments[id];
    if (current && inCurrent) return { year: current, commitment: inCurrent };
    const previous = await this.years.find(completedYear - 1);
    const commitment = previous?.commitments[id];
    return previous && commitment ? { year: previous, commitment } : undefined;
  }
}

import { Injectable } from '@nestjs/common';
import type { DataOf, WorkOrderCompletedV1 } from '@buqi/contracts';
import { NotFoundError } from '@buqi/domain-kernel';
import { BudgetYearRepository } from '../persistence/budget-year.repository';

/**
 * Books what a completed work order cost: against its remediation's commitment (in that commitment's
 * year and envelope) when the work was funded, else against the maintenance envelope of the year it
 * was completed in (occupants' requests, supervisors' orders, preventive rounds). Once per completion
 * event: a reopened order's second completion is another event and books only its own cost.
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
    let fiscalYear = completedYear;
    let envelope = 'maintenance';
    let commitmentId: string | undefined;
    if (d.remediationId) {
      // Work funded late in a year may be completed early in the next.
      for (const year of [completedYear, completedYear - 1]) {
        const commitment = (await this.years.find(year))?.commitments[d.remediationId];
        if (commitment) {
          fiscalYear = year;
          envelope = commitment.envelope;
          commitmentId = d.remediationId;
          break;
        }
      }
    }
    if (!(await this.years.find(fiscalYear))) throw new NotFoundError('budget year', String(fiscalYear));
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
}

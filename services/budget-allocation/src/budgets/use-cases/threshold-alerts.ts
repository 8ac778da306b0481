import { Injectable } from '@nestjs/common';
import { BudgetThresholdCrossedV1, type Actor } from '@buqi/contracts';
import { EventPublisher, VersionConflictError } from '@buqi/messaging';
import { newCrossings } from '../domain/budget-year';
import { BudgetYearRepository } from '../persistence/budget-year.repository';

const ALERTS: Actor = { kind: 'system', id: 'budget-alerts' };
const ATTEMPTS = 5;

/**
 * Announces the 80 % and 100 % levels an envelope's commitments have reached, once each: the marks
 * and their budget.threshold-crossed.v1 events go in one write guarded by the version read, so of two
 * commitments crossing a level at once, one announces it and the other finds it announced.
 */
@Injectable()
export class ThresholdAlerts {
  constructor(
    private readonly years: BudgetYearRepository,
    private readonly events: EventPublisher,
  ) {}

  async check(fiscalYear: number, at: Date): Promise<void> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const year = await this.years.get(fiscalYear);
      const crossings = newCrossings(year, year.thresholds ?? {});
      if (crossings.length === 0) return;
      const events = crossings.map(
        (c) =>
          this.events.entry(
            BudgetThresholdCrossedV1,
            { fiscalYear, ...c, crossedAt: at.toISOString() },
            { actor: ALERTS, time: at },
          ).entry,
      );
      try {
        await this.years.announce(fiscalYear, year.version, crossings, at, events);
        return;
      } catch (err) {
        if (!(err instanceof VersionConflictError)) throw err;
      }
    }
  }
}

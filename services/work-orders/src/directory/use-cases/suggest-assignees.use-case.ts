import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@buqi/auth';
import {
  ON_TIME_WINDOW_DAYS,
  suggestAssignees,
  type AssigneeCandidate,
  type AssigneeSuggestion,
  type OrderToAssign,
} from '../domain/suggest-assignee';
import { ContractorRepository } from '../persistence/contractor.repository';
import { CrewRepository } from '../persistence/crew.repository';
import { NoWorkloadYet, WORKLOAD_IN_USE, type AssigneeWorkload } from '../ports/assignee-workload';
import type { SuggestionQuery } from './directory-requests';

export interface Suggestion extends AssigneeSuggestion {
  readonly order: OrderToAssign;
  /** The start of the on-time record's window. */
  readonly since: Date;
  /** True while the orders do not supply load and record yet (both count as zero). */
  readonly provisional: boolean;
}

const DAY_MS = 86_400_000;

/**
 * The suggested assignee of a work order: every active crew and contractor, with its open load and
 * on-time record from the orders (through the ASSIGNEE_WORKLOAD port), ranked by the domain.
 */
@Injectable()
export class SuggestAssignees {
  constructor(
    private readonly crews: CrewRepository,
    private readonly contractors: ContractorRepository,
    @Inject(WORKLOAD_IN_USE) private readonly workload: AssigneeWorkload,
  ) {}

  async execute(query: SuggestionQuery, caller: Caller): Promise<Suggestion> {
    const order: OrderToAssign = {
      trade: query.trade,
      zoneId: query.zoneId,
      standardHours: query.standardHours,
      ...(query.due && { due: new Date(query.due) }),
    };
    const since = new Date(caller.now.getTime() - ON_TIME_WINDOW_DAYS * DAY_MS);
    const [crews, contractors] = await Promise.all([this.crews.active(), this.contractors.active()]);
    const listed = [
      ...crews.map((c) => ({ ...c, kind: 'crew' as const })),
      ...contractors.map((c) => ({ ...c, kind: 'contractor' as const })),
    ];
    // Figures only for those doing the trade: the others are excluded whatever their load.
    const ids = listed.filter((c) => c.trades.includes(order.trade)).map((c) => c.id);
    const [load, records] =
      ids.length === 0
        ? [new Map<string, number>(), new Map<string, { closed: number; onTime: number }>()]
        : await Promise.all([this.workload.openStandardHours(ids), this.workload.onTimeRecord(ids, since)]);
    const candidates: AssigneeCandidate[] = listed.map((c) => ({
      kind: c.kind,
      id: c.id,
      name: c.name,
      active: c.active,
      trades: c.trades,
      zones: c.zones,
      capacityHoursPerDay: c.capacityHoursPerDay,
      calendar: c.calendar,
      openStandardHours: load.get(c.id) ?? 0,
      record: records.get(c.id) ?? { closed: 0, onTime: 0 },
    }));
    return {
      order,
      since,
      provisional: this.workload instanceof NoWorkloadYet,
      ...suggestAssignees(order, candidates, caller.now),
    };
  }
}

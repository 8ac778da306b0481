import type { FactoryProvider } from '@nestjs/common';

/**
 * What the suggested assignee needs from the orders: each crew's or contractor's current load and
 * its on-time record. Ids are crew and contractor ids (one namespace: the directory refuses a crew
 * id that a contractor has, and the other way round); an id the answer leaves out counts as zero.
 */
export interface AssigneeWorkload {
  /** The standard hours of each assignee's open orders (assigned and not yet closed). */
  openStandardHours(assigneeIds: string[]): Promise<Map<string, number>>;
  /** For each assignee, the orders it closed since `since`, and how many of them by their due time. */
  onTimeRecord(assigneeIds: string[], since: Date): Promise<Map<string, { closed: number; onTime: number }>>;
}

/**
 * The token the orders provide the real figures under. Provide it from a global module and export
 * it, e.g. in the orders' module:
 *
 *     @Global()
 *     @Module({ providers: [{ provide: ASSIGNEE_WORKLOAD, useClass: OrderWorkload }], exports: [ASSIGNEE_WORKLOAD] })
 *
 * The directory then uses it in place of `NoWorkloadYet`; nothing else changes.
 */
export const ASSIGNEE_WORKLOAD = Symbol('ASSIGNEE_WORKLOAD');

/** The figures the directory's suggestions use: the orders' when provided, zeros until then. */
export const WORKLOAD_IN_USE = Symbol('WORKLOAD_IN_USE');

/**
 * The default until the orders supply the real figures: nobody has open orders and nobody has a
 * record, so suggestions rank by trade, zone and capacity alone (every record counts as the prior),
 * and say that their figures are provisional.
 */
export class NoWorkloadYet implements AssigneeWorkload {
  openStandardHours(assigneeIds: string[]): Promise<Map<string, number>> {
    return Promise.resolve(new Map(assigneeIds.map((id) => [id, 0])));
  }

  onTimeRecord(assigneeIds: string[]): Promise<Map<string, { closed: number; onTime: number }>> {
    return Promise.resolve(new Map(assigneeIds.map((id) => [id, { closed: 0, onTime: 0 }])));
  }
}

/** Resolves WORKLOAD_IN_USE: the ASSIGNEE_WORKLOAD some global module provides, or NoWorkloadYet. */
export const workloadInUse: FactoryProvider<AssigneeWorkload> = {
  provide: WORKLOAD_IN_USE,
  inject: [{ token: ASSIGNEE_WORKLOAD, optional: true }],
  useFactory: (provided?: AssigneeWorkload) => provided ?? new NoWorkloadYet(),
};

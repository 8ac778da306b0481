import { DomainValidationError, integer, oneOf, PRIORITIES, type Priority, text } from '@buqi/domain-kernel';
import { MAX_MINUTES } from './time';

export { PRIORITIES, type Priority };

/** `24x7` counts every wall-clock minute; `working` counts only the calendar's working time. */
export type SlaClock = '24x7' | 'working';

/** How a due time follows from the moment a work order was created. */
export type DueRule =
  /** A span of time on the priority's clock. */
  | { readonly kind: 'within'; readonly minutes: number }
  /** 事不过夜: the end of the working day; with fewer than `cutoffMinutes` of it left, the end of the next one. */
  | { readonly kind: 'end-of-working-day'; readonly cutoffMinutes: number }
  /** `days` × the working minutes of one working day. */
  | { readonly kind: 'working-days'; readonly days: number }
  /** The order's planned date when it has one, otherwise `fallbackWorkingDays` working days. */
  | { readonly kind: 'planned'; readonly fallbackWorkingDays: number };

export interface PriorityPolicy {
  readonly clock: SlaClock;
  readonly respond: DueRule;
  readonly resolve: DueRule;
}

export interface SlaPolicy {
  readonly name: string;
  readonly priorities: Readonly<Record<Priority, PriorityPolicy>>;
}

/**
 * The bureau's default service levels. P1 is an emergency (a burst pipe, a blocked fire exit) and
 * runs on the 24×7 clock; everything else runs on working time.
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  name: '事管局 default SLA',
  priorities: {
    P1: {
      clock: '24x7',
      respond: { kind: 'within', minutes: 30 },
      resolve: { kind: 'within', minutes: 240 },
    },
    P2: {
      clock: 'working',
      respond: { kind: 'within', minutes: 60 },
      resolve: { kind: 'end-of-working-day', cutoffMinutes: 60 },
    },
    P3: {
      clock: 'working',
      respond: { kind: 'within', minutes: 240 },
      resolve: { kind: 'working-days', days: 3 },
    },
    P4: {
      clock: 'working',
      respond: { kind: 'working-days', days: 1 },
      resolve: { kind: 'planned', fallbackWorkingDays: 10 },
    },
  },
};

const RULE_KINDS = ['within', 'end-of-working-day', 'working-days', 'planned'] as const;

function checkRule(field: string, rule: DueRule | null | undefined, clock: SlaClock): void {
  const kind = oneOf(`${field}.kind`, rule?.kind, RULE_KINDS);
  if (kind !== 'within' && clock === '24x7') {
    throw new DomainValidationError(
      `${field}.kind`,
      kind,
      'counts working days, so it needs the working clock',
    );
  }
  if (rule?.kind === 'within') integer(`${field}.minutes`, rule.minutes, { min: 1, max: MAX_MINUTES });
  if (rule?.kind === 'end-of-working-day')
    integer(`${field}.cutoffMinutes`, rule.cutoffMinutes, { min: 0, max: 1440 });
  if (rule?.kind === 'working-days') integer(`${field}.days`, rule.days, { min: 1, max: 366 });
  if (rule?.kind === 'planned')
    integer(`${field}.fallbackWorkingDays`, rule.fallbackWorkingDays, { min: 1, max: 366 });
}

/** Validates a policy; every function that takes one calls this. */
export function checkPolicy(policy: SlaPolicy): SlaPolicy {
  if (typeof policy !== 'object' || policy === null) {
    throw new DomainValidationError('policy', policy, 'must be an SLA policy object');
  }
  text('policy.name', policy.name);
  for (const priority of PRIORITIES) {
    const field = `policy.priorities.${priority}`;
    const entry = policy.priorities?.[priority];
    if (typeof entry !== 'object' || entry === null) {
      throw new DomainValidationError(field, entry, 'must be set for every priority');
    }
    const clock = oneOf(`${field}.clock`, entry.clock, ['24x7', 'working'] as const);
    checkRule(`${field}.respond`, entry.respond, clock);
    checkRule(`${field}.resolve`, entry.resolve, clock);
  }
  return policy;
}

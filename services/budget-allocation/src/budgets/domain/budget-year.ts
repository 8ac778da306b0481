import { ConflictError, DomainValidationError } from '@buqi/domain-kernel';
import { fen, subtract, type Fen } from '@buqi/domain-money';

/** The envelopes a fiscal year's budget is split into. */
export const ENVELOPE_KINDS = ['maintenance', 'capital', 'emergency-reserve'] as const;
export type EnvelopeKind = (typeof ENVELOPE_KINDS)[number];

/** A limit and what is committed against it; `availableFen` = limit − committed, kept in the store. */
export interface Counter {
  readonly limitFen: Fen;
  readonly committedFen: Fen;
  readonly availableFen: Fen;
}

export interface Envelope extends Counter {
  /** What completed work actually cost, booked against the commitments. */
  readonly actualFen: Fen;
}

/** A fiscal year's budget: envelopes by kind, caps by department and by zone (`<site>-<zone>`). */
export interface BudgetYear {
  readonly fiscalYear: number;
  readonly envelopes: Readonly<Record<EnvelopeKind, Envelope>>;
  readonly departmentCaps: Readonly<Record<string, Counter>>;
  readonly zoneCaps: Readonly<Record<string, Counter>>;
}

export interface Limits {
  readonly envelopes?: Partial<Record<EnvelopeKind, number>>;
  readonly departmentCaps?: Readonly<Record<string, number>>;
  readonly zoneCaps?: Readonly<Record<string, number>>;
}

/** Money that is counted against a limit: a whole, non-negative number of fen. */
export function amountOf(value: unknown, field: string): Fen {
  const amount = fen(value, field);
  if (amount < 0) throw new DomainValidationError(field, value, 'must not be negative');
  return amount;
}

const counter = (limit: Fen): Counter => ({ limitFen: limit, committedFen: 0 as Fen, availableFen: limit });

/** A new fiscal year with its envelopes (every kind, 0 where not given) and caps, nothing committed. */
export function openYear(fiscalYear: number, limits: Limits): BudgetYear {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100)
    throw new DomainValidationError('fiscalYear', fiscalYear, 'must be a year from 2000 to 2100');
  const envelopes = Object.fromEntries(
    ENVELOPE_KINDS.map((k) => {
      const limit = amountOf(limits.envelopes?.[k] ?? 0, `envelopes.${k}`);
      return [k, { ...counter(limit), actualFen: 0 as Fen }];
    }),
  ) as Record<EnvelopeKind, Envelope>;
  return {
    fiscalYear,
    envelopes,
    departmentCaps: caps(limits.departmentCaps, 'departmentCaps'),
    zoneCaps: caps(limits.zoneCaps, 'zoneCaps'),
  };
}

function caps(given: Readonly<Record<string, number>> | undefined, field: string): Record<string, Counter> {
  return Object.fromEntries(
    Object.entries(given ?? {}).map(([key, limit]) => [key, counter(amountOf(limit, `${field}.${key}`))]),
  );
}

/**
 * New limits for a year: an envelope or cap is never set below what is committed against it (409
 * naming it, its commitments and the limit asked); a new cap starts with nothing committed.
 */
export function reviseLimits(year: BudgetYear, limits: Limits): BudgetYear {
  const envelopes = { ...year.envelopes };
  for (const [kind, value] of Object.entries(limits.envelopes ?? {}) as [EnvelopeKind, number][]) {
    envelopes[kind] = { ...envelopes[kind], ...revised(envelopes[kind], value, `envelopes.${kind}`) };
  }
  return {
    ...year,
    envelopes,
    departmentCaps: revisedCaps(year.departmentCaps, limits.departmentCaps, 'departmentCaps'),
    zoneCaps: revisedCaps(year.zoneCaps, limits.zoneCaps, 'zoneCaps'),
  };
}

function revisedCaps(
  current: Readonly<Record<string, Counter>>,
  given: Readonly<Record<string, number>> | undefined,
  field: string,
): Record<string, Counter> {
  const next = { ...current };
  for (const [key, value] of Object.entries(given ?? {}))
    next[key] = next[key]
      ? revised(next[key], value, `${field}.${key}`)
      : counter(amountOf(value, `${field}.${key}`));
  return next;
}

function revised(current: Counter, value: number, field: string): Counter {
  const limit = amountOf(value, field);
  if (limit < current.committedFen)
    throw new ConflictError(
      'limit-below-commitments',
      `${field} cannot be ${limit} fen: ${current.committedFen} fen is already committed against it`,
      { field, limitFen: limit, committedFen: current.committedFen },
    );
  return {
    limitFen: limit,
    committedFen: current.committedFen,
    availableFen: subtract(limit, current.committedFen),
  };
}

/** What a commitment draws on: an envelope, the department's cap and the zone's cap where they exist. */
export interface Commitment {
  /** Chosen by the caller (e.g. the remediation it funds): the same id commits once. */
  readonly id: string;
  readonly envelope: EnvelopeKind;
  readonly amountFen: Fen;
  readonly department: string;
  readonly zoneId?: string;
  readonly reason: string;
}

export function commitment(c: {
  id: string;
  envelope: EnvelopeKind;
  amountFen: number;
  department: string;
  zoneId?: string;
  reason: string;
}): Commitment {
  const amountFen = amountOf(c.amountFen, 'amountFen');
  if (amountFen === 0) throw new DomainValidationError('amountFen', c.amountFen, 'must be more than 0');
  return { ...c, amountFen };
}

/**
 * Why commitments do not fit the year as it stands: the first limit their sum would pass (with
 * what it has and what they ask of it), or undefined when they fit. Only an explanation: the store's
 * conditional update is what enforces the limits.
 */
export function shortfallOf(
  year: BudgetYear,
  commitments: Commitment | readonly Commitment[],
): { field: string; availableFen: Fen; amountFen: Fen } | undefined {
  const asked = new Map<string, { limit: Counter; amountFen: number }>();
  const list: readonly Commitment[] = Array.isArray(commitments) ? commitments : [commitments as Commitment];
  for (const c of list) {
    const checks: [string, Counter | undefined][] = [
      [`envelopes.${c.envelope}`, year.envelopes[c.envelope]],
      [`departmentCaps.${c.department}`, year.departmentCaps[c.department]],
      ...(c.zoneId
        ? ([[`zoneCaps.${c.zoneId}`, year.zoneCaps[c.zoneId]]] as [string, Counter | undefined][])
        : []),
    ];
    for (const [field, limit] of checks) {
      if (!limit) continue;
      const entry = asked.get(field) ?? { limit, amountFen: 0 };
      entry.amountFen += c.amountFen;
      asked.set(field, entry);
    }
  }
  for (const [field, { limit, amountFen }] of asked)
    if (limit.availableFen < amountFen)
      return { field, availableFen: limit.availableFen, amountFen: fen(amountFen) };
  return undefined;
}

/** The shares of an envelope whose crossing is announced, in per cent. */
export const ALERT_THRESHOLDS = [80, 100] as const;
export type AlertThreshold = (typeof ALERT_THRESHOLDS)[number];

export interface Crossing {
  readonly envelope: EnvelopeKind;
  readonly thresholdPct: AlertThreshold;
  readonly limitFen: Fen;
  readonly committedFen: Fen;
}

/**
 * The levels an envelope's commitments have reached (committed ≥ level × limit, limit above 0) that
 * are not yet announced; `announced` maps an envelope to the levels already announced.
 */
export function newCrossings(
  year: BudgetYear,
  announced: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): Crossing[] {
  const found: Crossing[] = [];
  for (const envelope of ENVELOPE_KINDS) {
    const { limitFen, committedFen } = year.envelopes[envelope];
    if (limitFen <= 0) continue;
    for (const thresholdPct of ALERT_THRESHOLDS)
      if (committedFen * 100 >= limitFen * thresholdPct && announced[envelope]?.[thresholdPct] === undefined)
        found.push({ envelope, thresholdPct, limitFen, committedFen });
  }
  return found;
}

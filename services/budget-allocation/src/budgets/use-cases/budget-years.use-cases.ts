import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditActor, type Caller, type Principal } from '@buqi/auth';
import { ConflictError, NotFoundError } from '@buqi/domain-kernel';
import {
  commitment,
  openYear,
  reviseLimits,
  shortfallOf,
  type BudgetYear,
  type Commitment,
  type Counter,
  type Envelope,
  type EnvelopeKind,
} from '../domain/budget-year';
import { fen } from '@buqi/domain-money';
import type { StoredCommitment } from '../persistence/budget-year.schema';
import {
  BudgetYearRepository,
  type Committed,
  type StoredBudgetYear,
} from '../persistence/budget-year.repository';
import type { CommitRequest, OpenYearRequest, ReviseLimitsRequest } from './budget-requests';
import { ThresholdAlerts } from './threshold-alerts';

/** Who commits: a person over HTTP, or the funding rules (a system actor). */
export type Committer = Pick<Caller, 'actor' | 'now'> &
  Partial<Pick<Caller, 'origin'>> & {
    readonly principal?: Principal;
  };

const auditActorOf = (by: Committer): Principal | AuditActor => by.principal ?? by.actor;

/** Attempts when the year's caps changed between the read and the conditional update. */
const ATTEMPTS = 5;

/** Opens a fiscal year (finance): its envelopes and caps, nothing committed. */
@Injectable()
export class OpenYear {
  constructor(
    private readonly years: BudgetYearRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(request: OpenYearRequest, caller: Caller): Promise<StoredBudgetYear> {
    const { reason, fiscalYear, ...limits } = request;
    const year = await this.years.create(openYear(fiscalYear, limits), caller.actor.id, caller.now);
    await this.audit.record({
      actor: caller.principal,
      action: 'budget.open-year',
      resource: { type: 'budget-year', id: String(fiscalYear) },
      after: { ...limits, reason },
      origin: caller.origin,
    });
    return year;
  }
}

/** New limits (finance), never below what is committed, guarded by the version the caller read. */
@Injectable()
export class ReviseLimits {
  constructor(
    private readonly years: BudgetYearRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(
    fiscalYear: number,
    version: number,
    request: ReviseLimitsRequest,
    caller: Caller,
  ): Promise<StoredBudgetYear> {
    const { reason, ...limits } = request;
    const before = await this.years.get(fiscalYear);
    const after = reviseLimits(before, limits);
    const saved = await this.years.saveLimits(after, version, caller.actor.id, caller.now);
    await this.audit.record({
      actor: caller.principal,
      action: 'budget.revise-limits',
      resource: { type: 'budget-year', id: String(fiscalYear) },
      before: {
        envelopes: before.envelopes,
        departmentCaps: before.departmentCaps,
        zoneCaps: before.zoneCaps,
      },
      after: { ...limits, reason },
      origin: caller.origin,
    });
    return saved;
  }
}

/**
 * Commits money against a year: its envelope, its department's cap and its zone's cap, checked and
 * moved in one conditional update. The same id again with the same content is the same commitment
 * (nothing more is committed); with other content it is a 409. Not enough left is a 409 naming the
 * limit, what is available and the amount.
 */
@Injectable()
export class CommitFunds {
  constructor(
    private readonly years: BudgetYearRepository,
    private readonly audit: AuditTrail,
    private readonly alerts: ThresholdAlerts,
  ) {}

  async execute(fiscalYear: number, request: CommitRequest, caller: Committer): Promise<Committed> {
    const { year, created } = await this.all(fiscalYear, [request], caller);
    return { year, created: created.length > 0 };
  }

  /**
   * Several commitments at once, all or nothing (one conditional update): those already made with
   * the same terms are left as they are, the rest are made together or, if their sum passes a
   * limit, none is. The commitments named in `releasing` (those still there) are given back in the
   * same update, so what they free pays for the new ones. `created` lists the ids this call committed.
   */
  async all(
    fiscalYear: number,
    requests: readonly CommitRequest[],
    caller: Committer,
    releasing: readonly string[] = [],
  ): Promise<{ year: StoredBudgetYear; created: string[] }> {
    const asked = requests.map((r) => commitment({ ...r, envelope: r.envelope as EnvelopeKind }));
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const shape = await this.years.get(fiscalYear);
      const fresh = asked.filter((c) => !this.alreadyMade(shape, c));
      const releases = releasing.flatMap((id) =>
        shape.commitments[id] ? [{ id, commitment: shape.commitments[id] }] : [],
      );
      if (fresh.length === 0 && releases.length === 0) return { year: shape, created: [] };
      const short = shortfallOf(withReleased(shape, releases), fresh);
      if (short)
        throw new ConflictError(
          'insufficient-budget',
          `${short.field} has ${short.availableFen} fen available, less than the ${short.amountFen} fen asked`,
          { field: short.field, availableFen: short.availableFen, amountFen: short.amountFen },
        );
      const year = await this.years.tryCommit(
        fiscalYear,
        shape,
        fresh,
        caller.actor.id,
        caller.now,
        releases,
      );
      if (year) {
        for (const { id, commitment: released } of releases)
          await this.audit.record({
            actor: auditActorOf(caller),
            action: 'budget.release',
            resource: { type: 'budget-commitment', id: `${fiscalYear}/${id}` },
            before: released,
            ...(caller.origin && { origin: caller.origin }),
          });
        for (const c of fresh)
          await this.audit.record({
            actor: auditActorOf(caller),
            action: 'budget.commit',
            resource: { type: 'budget-commitment', id: `${fiscalYear}/${c.id}` },
            after: { ...c },
            ...(caller.origin && { origin: caller.origin }),
          });
        await this.alerts.check(fiscalYear, caller.now);
        return { year, created: fresh.map((c) => c.id) };
      }
      // Refused as the year stood at the write (others committed, a cap changed): read and explain.
    }
    throw new ConflictError(
      'budget-busy',
      `the ${fiscalYear} budget kept changing while committing ${asked.map((c) => c.id).join(', ')}; send it again`,
      { ids: asked.map((c) => c.id) },
    );
  }

  /** True when `c` is made already; a 409 when its id is taken by other terms. */
  private alreadyMade(year: StoredBudgetYear, c: Commitment): boolean {
    const existing = year.commitments[c.id];
    if (!existing) return false;
    const same =
      existing.envelope === c.envelope &&
      existing.amountFen === c.amountFen &&
      existing.department === c.department &&
      existing.zoneId === c.zoneId;
    if (same) return true;
    throw new ConflictError(
      'commitment-exists',
      `commitment ${c.id} exists with other terms (${existing.amountFen} fen from ${existing.envelope} for ${existing.department})`,
      { id: c.id },
    );
  }
}

/** The year as it would stand with `releases` given back: what a swap has to spend. */
function withReleased(
  year: StoredBudgetYear,
  releases: readonly { commitment: StoredCommitment }[],
): BudgetYear {
  const counters = {
    envelopes: { ...year.envelopes } as Record<string, Envelope>,
    departmentCaps: { ...year.departmentCaps } as Record<string, Counter>,
    zoneCaps: { ...year.zoneCaps } as Record<string, Counter>,
  };
  for (const { commitment: c } of releases)
    for (const path of c.draws) {
      const dot = path.indexOf('.');
      const group = counters[path.slice(0, dot) as keyof typeof counters] as Record<string, Counter>;
      const key = path.slice(dot + 1);
      const counter = group[key];
      if (counter) group[key] = { ...counter, availableFen: fen(counter.availableFen + c.amountFen) };
    }
  return { ...year, ...counters } as unknown as BudgetYear;
}

/** Releases a commitment (finance): its amount goes back to every limit it drew on, once. */
@Injectable()
export class ReleaseCommitment {
  constructor(
    private readonly years: BudgetYearRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(fiscalYear: number, id: string, caller: Caller): Promise<StoredBudgetYear> {
    const year = await this.years.get(fiscalYear);
    const c = year.commitments[id];
    if (!c) throw new NotFoundError('commitment', `${fiscalYear}/${id}`);
    const after = await this.years.tryRelease(fiscalYear, id, c, caller.actor.id, caller.now);
    if (!after) throw new NotFoundError('commitment', `${fiscalYear}/${id}`);
    await this.audit.record({
      actor: caller.principal,
      action: 'budget.release',
      resource: { type: 'budget-commitment', id: `${fiscalYear}/${id}` },
      before: c,
      origin: caller.origin,
    });
    return after;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { RemediationDeferredV1, RemediationFundedV1, type Actor } from '@buqi/contracts';
import { ConflictError, NotFoundError } from '@buqi/domain-kernel';
import { EventPublisher, VersionConflictError } from '@buqi/messaging';
import { PLATFORM_CONFIG } from '@buqi/platform';
import type { EnvelopeKind } from '../../budgets/domain/budget-year';
import { CommitFunds } from '../../budgets/use-cases/budget-years.use-cases';
import type { ServiceConfig } from '../../config';
import { fundingDecision } from '../domain/funding';
import { CandidateRepository } from '../persistence/candidate.repository';
import type { CandidateDocument } from '../persistence/candidate.schema';

const RULES: Actor = { kind: 'system', id: 'funding-rules' };
type Priority = 'P1' | 'P2' | 'P3' | 'P4';

/**
 * The funding rules applied to an open candidate not yet decided: funded at once (the commitment,
 * under the remediation's id, then the decision with remediation.funded.v1 in one guarded write) or
 * deferred with remediation.deferred.v1 and the reason. Run again after a crash between the two, the
 * commitment is found made (same id) and only the decision is written: one commitment, one event.
 */
@Injectable()
export class FundCandidate {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly commit: CommitFunds,
    private readonly events: EventPublisher,
    @Inject(PLATFORM_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute(id: string, now = new Date()): Promise<void> {
    const c = await this.candidates.getForDecision(id);
    if (c.status !== 'open' || c.funding) return;
    const decision = fundingDecision(
      { safetyCritical: c.safetyCritical ?? false, options: c.options ?? [] },
      this.config.FUNDING_SMALL_REPAIR_LIMIT,
    );
    if ('defer' in decision) return this.defer(c, decision.defer, now);
    const { envelope, option: chosen, amountFen } = decision.fund;
    const option = (c.options ?? []).find((o) => o.option === chosen);
    if (!option?.quotaVersion || option.quantity === undefined || !option.unit) return;
    const fiscalYear = (c.detectedAt ?? now).getUTCFullYear();
    const remediationId = `rem-${c._id}`;
    try {
      await this.commit.execute(
        fiscalYear,
        {
          id: remediationId,
          envelope: envelope as EnvelopeKind,
          amountFen,
          department: c.department ?? 'unknown',
          ...(c.zoneId && { zoneId: c.zoneId }),
          reason: `${option.option} of ${c.assetId} for shortfall ${c._id}, by the funding rules`,
        },
        { actor: RULES, now },
      );
    } catch (err) {
      if (err instanceof NotFoundError)
        return this.defer(
          c,
          { reason: 'no-budget-year', detail: `no ${fiscalYear} budget is open`, cheapestFen: amountFen },
          now,
        );
      if (err instanceof ConflictError && err.code === 'insufficient-budget')
        return this.defer(
          c,
          { reason: 'insufficient-budget', detail: err.message, cheapestFen: amountFen },
          now,
        );
      throw err;
    }
    const funded = this.events.entry(
      RemediationFundedV1,
      {
        remediationId,
        shortfallId: c._id,
        assetId: c.assetId,
        department: c.department ?? 'unknown',
        ...(c.zoneId && { zoneId: c.zoneId }),
        fiscalYear,
        envelope: envelope as EnvelopeKind,
        amountFen,
        priority: (c.priority ?? 'P4') as Priority,
        taskType: option.taskType,
        quotaVersion: option.quotaVersion,
        quantity: option.quantity,
        unit: option.unit,
        standardHours: option.standardHours ?? 0,
        fundedAt: now.toISOString(),
      },
      { actor: RULES, time: now },
    ).entry;
    await this.decided(
      c,
      {
        status: 'funded',
        remediationId,
        fiscalYear,
        envelope,
        amountFen,
        option: option.option,
        taskType: option.taskType,
        quotaVersion: option.quotaVersion,
        decidedAt: now,
      },
      [funded],
    );
  }

  private async defer(
    c: CandidateDocument,
    d: {
      reason: 'awaits-plan' | 'not-costed' | 'insufficient-budget' | 'no-budget-year';
      detail: string;
      cheapestFen?: number;
    },
    now: Date,
  ): Promise<void> {
    const deferred = this.events.entry(
      RemediationDeferredV1,
      {
        shortfallId: c._id,
        assetId: c.assetId,
        department: c.department ?? 'unknown',
        reason: d.reason,
        detail: d.detail.slice(0, 500),
        ...(d.cheapestFen !== undefined && { cheapestFen: d.cheapestFen }),
        priority: (c.priority ?? 'P4') as Priority,
        deferredAt: now.toISOString(),
      },
      { actor: RULES, time: now },
    ).entry;
    await this.decided(c, { status: 'deferred', reason: d.reason, detail: d.detail, decidedAt: now }, [
      deferred,
    ]);
  }

  private async decided(
    c: CandidateDocument,
    funding: NonNullable<CandidateDocument['funding']>,
    events: Parameters<CandidateRepository['decide']>[3],
  ): Promise<void> {
    try {
      await this.candidates.decide(c._id, c.version, funding, events);
    } catch (err) {
      // Another delivery decided first (its commitment was this one, by id): nothing more to do.
      if (!(err instanceof VersionConflictError)) throw err;
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@buqi/platform';
import { ASSET_CLASSES, assessLikelihood, type AssetClass } from '@buqi/domain-risk';
import { BudgetYearRepository } from '../../budgets/persistence/budget-year.repository';
import { CandidateRepository } from '../../candidates/persistence/candidate.repository';
import type { CandidateDocument } from '../../candidates/persistence/candidate.schema';
import { INDEX_BY_SEVERITY } from '../../candidates/use-cases/consider-shortfall.use-case';
import type { ServiceConfig } from '../../config';
import { Optimiser } from '../../optimiser/optimiser';
import {
  DEFAULT_YEARS,
  project,
  type ConsequenceBasis,
  type EnvelopeWeights,
  type Projection,
  type WhatIfCandidate,
} from '../domain/projection';
import type { WhatIfRequest } from './what-if.request';

/**
 * What all the solves of one what-if may take together on one optimiser thread, at the most: each
 * solve's limit is this shared out (times the threads), kept within the bounds below. A small
 * backlog solves in milliseconds whatever the limit; the limit matters for a thousand candidates.
 */
export const WHAT_IF_SOLVE_SECONDS = 30;
export const SOLVE_SECONDS_BOUNDS = { min: 0.2, max: 2 } as const;

/** How a level was split between maintenance and capital, and why. */
export interface WhatIfSplit {
  readonly source: 'request' | 'budget-year' | 'even';
  readonly maintenancePercent: number;
  readonly capitalPercent: number;
}

export type WhatIfAnswer = Projection & {
  readonly split: WhatIfSplit;
  readonly candidates: number;
  readonly solver: { readonly method: 'heuristic'; readonly timeLimitSeconds: number };
};

/**
 * The multi-year what-if: the open candidates no rule funded, projected at each budget level. Each
 * year × level is solved by the heuristic on the optimiser's worker threads (never on the event
 * loop), with a short time limit: a what-if compares levels, so it needs many quick, repeatable
 * answers (the heuristic is deterministic within its limit and within 0.05 % of HiGHS on a thousand
 * candidates), not a proven optimum per year; racing HiGHS too (`anytime`) would take two threads
 * per solve for up to 200 solves.
 */
@Injectable()
export class ProjectWhatIf {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly budgets: BudgetYearRepository,
    private readonly optimiser: Optimiser,
    @Inject(PLATFORM_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute(request: WhatIfRequest, caller: { readonly now: Date }): Promise<WhatIfAnswer> {
    const fiscalYear = request.fiscalYear ?? caller.now.getUTCFullYear();
    const years = request.years ?? DEFAULT_YEARS;
    const { weights, split } = await this.split(fiscalYear, request.capitalSharePercent);
    const candidates = (await this.candidates.awaitingPlan()).flatMap(toWhatIfCandidate);
    const solves = request.levelsFen.length * years;
    const timeLimitSeconds = Math.min(
      SOLVE_SECONDS_BOUNDS.max,
      Math.max(SOLVE_SECONDS_BOUNDS.min, (WHAT_IF_SOLVE_SECONDS * this.config.OPTIMISER_THREADS) / solves),
    );
    const projection = await project(
      {
        candidates,
        levelsFen: request.levelsFen,
        split: weights,
        years,
        firstYear: fiscalYear,
        start: caller.now,
      },
      async (problem) =>
        (await this.optimiser.optimise(problem, { method: 'heuristic', timeLimitSeconds })).result,
    );
    return {
      ...projection,
      split,
      candidates: candidates.length,
      solver: { method: 'heuristic', timeLimitSeconds: Math.round(timeLimitSeconds * 1000) / 1000 },
    };
  }

  /** The request's share, else the first year's maintenance and capital envelopes, else half each. */
  private async split(
    fiscalYear: number,
    capitalSharePercent: number | undefined,
  ): Promise<{ weights: EnvelopeWeights; split: WhatIfSplit }> {
    const percents = (w: EnvelopeWeights) => {
      const capitalPercent = Math.round(((w.capital * 100) / (w.maintenance + w.capital)) * 100) / 100;
      return { maintenancePercent: Math.round((100 - capitalPercent) * 100) / 100, capitalPercent };
    };
    if (capitalSharePercent !== undefined) {
      const weights = { maintenance: 100 - capitalSharePercent, capital: capitalSharePercent };
      return { weights, split: { source: 'request', ...percents(weights) } };
    }
    const year = await this.budgets.find(fiscalYear);
    const weights = {
      maintenance: year?.envelopes.maintenance.limitFen ?? 0,
      capital: year?.envelopes.capital.limitFen ?? 0,
    };
    if (weights.maintenance + weights.capital > 0)
      return { weights, split: { source: 'budget-year', ...percents(weights) } };
    const even = { maintenance: 1, capital: 1 };
    return { weights: even, split: { source: 'even', ...percents(even) } };
  }
}

/** A stored candidate as the projection needs it; one of no known class is left out. */
export function toWhatIfCandidate(doc: CandidateDocument): WhatIfCandidate[] {
  const assetClass = ASSET_CLASSES.find((a) => a === doc.assetClass);
  if (!assetClass) return [];
  const risk = (doc.risk ?? {}) as { likelihood?: Scored; consequence?: Scored };
  const found =
    doc.conditionIndex ??
    numberInput(risk.likelihood, 'condition') ??
    INDEX_BY_SEVERITY[doc.severity as keyof typeof INDEX_BY_SEVERITY] ??
    50;
  const conditionIndex = Math.min(100, Math.max(0, found));
  const riskScore = doc.riskScore ?? 1;
  return [
    {
      id: doc._id,
      assetClass,
      ...(doc.kind && { kind: doc.kind }),
      ...(doc.action && { action: doc.action }),
      conditionIndex,
      riskScore,
      consequence: consequenceOf(doc, assetClass, risk.consequence, riskScore, conditionIndex),
      ...(doc.department && { department: doc.department }),
      ...(doc.zoneId && { zoneId: doc.zoneId }),
      options: (doc.options ?? []).map((o) => ({
        option: o.option,
        ...(o.costFen !== undefined && { costFen: o.costFen }),
      })),
    },
  ];
}

/** The stored form of a scored part of the risk (`libs/domain-risk`'s Scored, as JSON). */
interface Scored {
  readonly value?: unknown;
  readonly factors?: readonly {
    readonly name?: unknown;
    readonly input?: unknown;
    readonly contribution?: unknown;
  }[];
}

const factorOf = (scored: Scored | undefined, name: string) =>
  Array.isArray(scored?.factors) ? scored.factors.find((f) => f?.name === name) : undefined;

function numberInput(scored: Scored | undefined, name: string): number | undefined {
  const input = factorOf(scored, name)?.input;
  return typeof input === 'number' ? input : undefined;
}

/**
 * What the consequence is re-assessed from: the inputs its stored factors name (footfall, place and
 * its weight) with the candidate's class, safety and opening; when they are not all there (or not
 * usable), the stored consequence held as it is; failing that, the score over the likelihood its
 * condition gives.
 */
function consequenceOf(
  doc: CandidateDocument,
  assetClass: AssetClass,
  consequence: Scored | undefined,
  riskScore: number,
  conditionIndex: number,
): ConsequenceBasis | number {
  const footfall = numberInput(consequence, 'footfall');
  const place = factorOf(consequence, 'place importance');
  const placeId = place?.input;
  const weight = place?.contribution;
  if (
    doc.openedAt &&
    footfall !== undefined &&
    footfall >= 0 &&
    typeof placeId === 'string' &&
    placeId.trim() !== '' &&
    placeId.length <= 100 &&
    typeof weight === 'number' &&
    weight >= 0 &&
    weight <= 1
  )
    return {
      assetClass,
      safetyCritical: doc.safetyCritical ?? false,
      footfallPerDay: footfall,
      placeId,
      placeWeight: weight,
      openedAt: new Date(doc.openedAt),
    };
  if (typeof consequence?.value === 'number') return consequence.value;
  return riskScore / assessLikelihood({ conditionIndex }).value;
}

import type { AllocationProblem, AllocationResult, Status } from '@buqi/domain-allocation';
import {
  CJJ36_ACTIONS,
  cjj36Grade,
  MAINTENANCE_ACTIONS,
  type MaintenanceAction,
} from '@buqi/domain-condition';
import { array, DomainValidationError, integer, validDate } from '@buqi/domain-kernel';
import { add, allocate, fen, ZERO, type Fen } from '@buqi/domain-money';
import {
  ASSET_CLASSES,
  assessConsequence,
  assessLikelihood,
  type AssetClass,
  type ConsequenceInput,
} from '@buqi/domain-risk';
import { remedyByOption, remedyOptions } from '../../candidates/domain/remedies';
import { planProblem, type PlanEnvelope } from '../../plans/domain/plan-problem';
import {
  DEFAULT_DETERIORATION,
  deteriorate,
  restoredCondition,
  validCurves,
  type DeteriorationCurves,
} from './deterioration';

export const DEFAULT_YEARS = 5;
export const MAX_YEARS = 20;
export const MAX_LEVELS = 10;
/** 100万 yuan in fen: the step "what does each extra 100万 buy" is counted in. */
export const WAN_100_FEN = 100_000_000;
/**
 * The road class a road's condition is graded by when its maintenance action is re-read (the
 * candidate does not carry it): a campus road is a branch road (支路) in CJJ 36's terms.
 */
export const CAMPUS_ROAD_CLASS = 'branch' as const;

/** What the consequence of a failure is re-assessed from each year: `assessConsequence`'s inputs but `now`. */
export type ConsequenceBasis = Omit<ConsequenceInput, 'now'> & {
  /** The place's weight in the importance table (0–1), as the candidate's risk was weighed. */
  readonly placeWeight: number;
};

/** A remediation candidate awaiting the plan, as the what-if needs it. */
export interface WhatIfCandidate {
  readonly id: string;
  readonly assetClass: AssetClass;
  /** The shortfall's kind and the maintenance action its condition called for (what picks its options). */
  readonly kind?: string;
  readonly action?: string;
  /** 0–100, as the risk was assessed on. */
  readonly conditionIndex: number;
  /** The risk now (likelihood × consequence, 1–25). */
  readonly riskScore: number;
  /** Re-assessed each year from its inputs, or held at this value when they are not known. */
  readonly consequence: ConsequenceBasis | number;
  readonly department?: string;
  readonly zoneId?: string;
  readonly options: readonly { readonly option: string; readonly costFen?: number }[];
}

/** How a yearly budget level is divided between the plan's envelopes: integer weights. */
export type EnvelopeWeights = Readonly<Record<PlanEnvelope, number>>;

export interface ProjectionInputs {
  readonly candidates: readonly WhatIfCandidate[];
  /** Budget levels: fen a year, each spent every year of the projection. */
  readonly levelsFen: readonly number[];
  readonly split: EnvelopeWeights;
  /** Years to project, 1–20; default 5. */
  readonly years?: number;
  /** The fiscal year of the first year's spending. */
  readonly firstYear: number;
  /** When the candidates' risks hold; year k ends k × 365 days later. */
  readonly start: Date;
  readonly curves?: DeteriorationCurves;
}

/** Solves one year's allocation problem: the worker-pool optimiser in the service, in-process in tests. */
export type Solve = (problem: AllocationProblem) => Promise<AllocationResult>;

/** The state of the candidates' assets at one point in time. */
export interface Snapshot {
  readonly items: number;
  /** Mean condition index of every candidate's asset, funded or not; null with no candidates. */
  readonly meanCondition: number | null;
  readonly backlogCount: number;
  /** Sum of the risk scores of the candidates still unfunded. */
  readonly backlogRisk: number;
  /** Sum of the cheapest costed option of each unfunded candidate. */
  readonly backlogCostFen: number;
  /** Unfunded candidates without a costed option: in the backlog's count and risk, not its cost. */
  readonly backlogUncosted: number;
}

export interface YearOutcome extends Snapshot {
  readonly fiscalYear: number;
  /** What the level funded that year, in the optimiser's order. */
  readonly funded: readonly { readonly id: string; readonly option: string; readonly costFen: number }[];
  readonly fundedCount: number;
  readonly spendFen: number;
  /** The optimiser's status, or 'nothing-to-fund' when no candidate had a costed option left. */
  readonly status: Status | 'nothing-to-fund';
  readonly byClass: Readonly<Record<AssetClass, Snapshot>>;
}

export interface LevelOutcome {
  readonly budgetFen: number;
  readonly envelopesFen: Readonly<Record<PlanEnvelope, number>>;
  readonly totalSpendFen: number;
  readonly fundedCount: number;
  readonly years: readonly YearOutcome[];
}

/** One line of a chart: a level's values at each point of `series.x`. */
export interface Line {
  readonly budgetFen: number;
  readonly values: readonly (number | null)[];
}

/** What moving from one level to the next dearer one changes by the end of the last year. */
export interface Marginal {
  readonly fromFen: number;
  readonly toFen: number;
  /** Extra fen a year. */
  readonly extraFen: number;
  readonly extraFunded: number;
  readonly backlogRiskReduced: number;
  readonly meanConditionGained: number | null;
  readonly backlogCostReducedFen: number;
  /** The same, for each extra 100万 yuan a year (a straight-line share of the step). */
  readonly per100Wan: { readonly backlogRiskReduced: number; readonly meanConditionGained: number | null };
}

export interface Projection {
  readonly firstYear: number;
  readonly years: number;
  /** Where things stand before any spending: the same for every level. */
  readonly start: Snapshot & { readonly byClass: Readonly<Record<AssetClass, Snapshot>> };
  readonly levels: readonly LevelOutcome[];
  /**
   * Lines per level over time: x = 0 is now, x = k the end of year k (`labels`: 'now', then fiscal
   * years); spend at x = 0 is 0.
   */
  readonly series: {
    readonly x: readonly number[];
    readonly labels: readonly string[];
    readonly meanCondition: readonly Line[];
    readonly backlogRisk: readonly Line[];
    readonly backlogCostFen: readonly Line[];
    readonly spendFen: readonly Line[];
  };
  /** Between consecutive levels by budget, at the end of the last year. */
  readonly marginal: readonly Marginal[];
}

const YEAR_MS = 365 * 86_400_000;

/** A yearly level split between the envelopes by the weights, exactly to the fen. */
export function splitLevel(levelFen: number, weights: EnvelopeWeights): Record<PlanEnvelope, number> {
  const [maintenance, capital] = allocate(fen(levelFen, 'levelFen'), [weights.maintenance, weights.capital]);
  return { maintenance, capital };
}

/**
 * Projects, for each budget level, how the candidates awaiting the plan fare over the years: each
 * year the level is split between the envelopes and the optimiser chooses what to fund from the
 * backlog (benefit = risk × lifetime, as a plan weighs it); funded items are restored and leave the
 * backlog for the rest of the projection (ageing on their class's curve from there); unfunded ones
 * lose condition on their class's curve, their risk is re-assessed (likelihood from the new condition
 * and the year's decline; consequence from its inputs, now a year older) and never falls while they
 * wait, and a road that falls to grade D calls for a major repair, so it can no longer be patched.
 * Levels are independent and run concurrently; the years of a level follow one another.
 */
export async function project(inputs: ProjectionInputs, solve: Solve): Promise<Projection> {
  const years = integer('years', inputs.years ?? DEFAULT_YEARS, { min: 1, max: MAX_YEARS });
  const levelsFen = array<unknown>('levelsFen', inputs.levelsFen, 1).map((v, i) => {
    const level = fen(v, `levelsFen[${i}]`);
    if (level < 0) throw new DomainValidationError(`levelsFen[${i}]`, v, 'must not be negative');
    return level;
  });
  if (levelsFen.length > MAX_LEVELS)
    throw new DomainValidationError('levelsFen', inputs.levelsFen, `must have at most ${MAX_LEVELS} levels`);
  levelsFen.forEach((level, i) => {
    const first = levelsFen.indexOf(level);
    if (first !== i) throw new DomainValidationError(`levelsFen[${i}]`, level, `repeats levelsFen[${first}]`);
  });
  const firstYear = integer('firstYear', inputs.firstYear, { min: 2000, max: 2100 });
  const start = validDate('start', inputs.start);
  const curves = inputs.curves === undefined ? DEFAULT_DETERIORATION : validCurves(inputs.curves);
  const paths = inputs.candidates.map((c) => unfundedPath(c, years, start, curves));
  const startSnapshot = snapshot(
    inputs.candidates.map((c, i) => ({ c, condition: paths[i][0].condition, backlog: paths[i][0] })),
  );

  const levels = await Promise.all(
    levelsFen.map((budgetFen) =>
      projectLevel(inputs.candidates, paths, budgetFen, splitLevel(budgetFen, inputs.split), {
        years,
        firstYear,
        curves,
        solve,
      }),
    ),
  );

  const x = Array.from({ length: years + 1 }, (_, k) => k);
  const line = (pick: (s: Snapshot & { spendFen?: number }) => number | null, atStart: number | null) =>
    levels.map((l) => ({ budgetFen: l.budgetFen, values: [atStart, ...l.years.map(pick)] }));
  return {
    firstYear,
    years,
    start: startSnapshot,
    levels,
    series: {
      x,
      labels: x.map((k) => (k === 0 ? 'now' : String(firstYear + k - 1))),
      meanCondition: line((s) => s.meanCondition, startSnapshot.meanCondition),
      backlogRisk: line((s) => s.backlogRisk, startSnapshot.backlogRisk),
      backlogCostFen: line((s) => s.backlogCostFen, startSnapshot.backlogCostFen),
      spendFen: line((s) => s.spendFen ?? 0, 0),
    },
    marginal: marginals(levels),
  };
}

/** Where an unfunded candidate stands at the end of year k (k = 0: now). */
interface Waiting {
  readonly condition: number;
  readonly risk: number;
  /** Its costed options a plan may still choose. */
  readonly options: readonly { readonly option: string; readonly costFen: number }[];
  readonly cheapestFen: number | undefined;
}

/**
 * An unfunded candidate's course, year by year: the same at every level (until one funds it), so it
 * is computed once, and the risk library runs N times per candidate rather than N × levels.
 */
function unfundedPath(
  c: WhatIfCandidate,
  years: number,
  start: Date,
  curves: DeteriorationCurves,
): Waiting[] {
  const curve = curves[c.assetClass];
  let condition = Math.min(100, Math.max(0, c.conditionIndex));
  let risk = c.riskScore;
  const path: Waiting[] = [waiting(c, condition, risk)];
  for (let k = 1; k <= years; k++) {
    const before = condition;
    condition = deteriorate(curve, before);
    const at = new Date(start.getTime() + k * YEAR_MS);
    const previous = new Date(at.getTime() - YEAR_MS);
    const likelihood = assessLikelihood(
      {
        conditionIndex: condition,
        history: [
          { at: previous, index: before },
          { at, index: condition },
        ],
      },
      at,
    ).value;
    const consequence =
      typeof c.consequence === 'number'
        ? c.consequence
        : assessConsequence({ ...c.consequence, now: at }, [
            {
              placeId: c.consequence.placeId,
              name: c.consequence.placeId,
              weight: c.consequence.placeWeight,
            },
          ]).value;
    risk = Math.max(risk, likelihood * consequence);
    path.push(waiting(c, condition, risk));
  }
  return path;
}

function waiting(c: WhatIfCandidate, condition: number, risk: number): Waiting {
  const allowed = allowedOptions(c, condition);
  const options = c.options.flatMap((o) =>
    o.costFen !== undefined && remedyByOption(o.option) && (!allowed || allowed.has(o.option))
      ? [{ option: o.option, costFen: o.costFen }]
      : [],
  );
  const cheapestFen = options.length === 0 ? undefined : Math.min(...options.map((o) => o.costFen));
  return { condition, risk, options, cheapestFen };
}

/**
 * The options a road still allows once it has fallen to a CJJ 36 grade calling for a heavier action
 * than both the one it was found with and the one its grade called for then (a road fallen to grade
 * D is not patched: it needs a major repair); undefined while nothing has changed, so a candidate's
 * options stand as found.
 */
function allowedOptions(c: WhatIfCandidate, condition: number): Set<string> | undefined {
  if (c.assetClass !== 'road-segment' || c.kind !== 'below-quality-standard') return undefined;
  const rank = (action: string | undefined) =>
    (MAINTENANCE_ACTIONS as readonly string[]).indexOf(action ?? '');
  const now = actionByGrade(condition);
  if (rank(now) <= Math.max(rank(c.action), rank(actionByGrade(c.conditionIndex)))) return undefined;
  return new Set(remedyOptions('road-segment', 'below-quality-standard', now).map((o) => o.option));
}

function actionByGrade(condition: number): MaintenanceAction {
  const code = cjj36Grade(Math.min(100, Math.max(0, condition)), CAMPUS_ROAD_CLASS).code;
  return CJJ36_ACTIONS[code as keyof typeof CJJ36_ACTIONS];
}

interface Settings {
  readonly years: number;
  readonly firstYear: number;
  readonly curves: DeteriorationCurves;
  readonly solve: Solve;
}

async function projectLevel(
  candidates: readonly WhatIfCandidate[],
  paths: readonly Waiting[][],
  budgetFen: number,
  envelopesFen: Record<PlanEnvelope, number>,
  { years, firstYear, curves, solve }: Settings,
): Promise<LevelOutcome> {
  /** A funded item's condition, by candidate index; absent while it waits. */
  const restored = new Map<number, number>();
  const index = new Map(candidates.map((c, i) => [c.id, i]));
  const outcomes: YearOutcome[] = [];
  let totalSpend: Fen = ZERO;
  for (let k = 1; k <= years; k++) {
    // Funded in an earlier year: another year older on the curve.
    for (const [i, condition] of restored)
      restored.set(i, deteriorate(curves[candidates[i].assetClass], condition));
    // This year's problem: the backlog as it stood at the start of the year.
    const backlog = candidates.flatMap((c, i) =>
      restored.has(i)
        ? []
        : [
            {
              id: c.id,
              department: c.department,
              zoneId: c.zoneId,
              riskScore: paths[i][k - 1].risk,
              options: paths[i][k - 1].options,
            },
          ],
    );
    const { problem } = planProblem({
      candidates: backlog,
      budgetFen: envelopesFen,
      departmentCaps: {},
      zoneCaps: {},
    });
    const result = problem.candidates.length === 0 ? undefined : await solve(problem);
    const funded = (result?.chosen ?? []).map((o) => ({
      id: o.candidateId,
      option: o.optionId,
      costFen: o.costFen,
    }));
    let spend: Fen = ZERO;
    for (const f of funded) {
      restored.set(index.get(f.id) as number, restoredCondition(f.option));
      spend = add(spend, fen(f.costFen));
    }
    totalSpend = add(totalSpend, spend);
    const state = candidates.map((c, i) => {
      const condition = restored.get(i);
      return condition === undefined
        ? { c, condition: paths[i][k].condition, backlog: paths[i][k] }
        : { c, condition, backlog: undefined };
    });
    outcomes.push({
      fiscalYear: firstYear + k - 1,
      funded,
      fundedCount: funded.length,
      spendFen: spend,
      status: result?.status ?? 'nothing-to-fund',
      ...snapshot(state),
    });
  }
  return {
    budgetFen,
    envelopesFen,
    totalSpendFen: totalSpend,
    fundedCount: restored.size,
    years: outcomes,
  };
}

interface ItemState {
  readonly c: WhatIfCandidate;
  readonly condition: number;
  /** Set while it waits in the backlog. */
  readonly backlog: Waiting | undefined;
}

function snapshot(items: readonly ItemState[]): Snapshot & { byClass: Record<AssetClass, Snapshot> } {
  const byClass = Object.fromEntries(
    ASSET_CLASSES.map((a) => [a, figures(items.filter((s) => s.c.assetClass === a))]),
  ) as Record<AssetClass, Snapshot>;
  return { ...figures(items), byClass };
}

function figures(items: readonly ItemState[]): Snapshot {
  let conditions = 0;
  let risk = 0;
  let cost: Fen = ZERO;
  let backlogCount = 0;
  let uncosted = 0;
  for (const s of items) {
    conditions += s.condition;
    if (!s.backlog) continue;
    backlogCount++;
    risk += s.backlog.risk;
    if (s.backlog.cheapestFen === undefined) uncosted++;
    else cost = add(cost, fen(s.backlog.cheapestFen));
  }
  return {
    items: items.length,
    meanCondition: items.length === 0 ? null : round(conditions / items.length),
    backlogCount,
    backlogRisk: round(risk),
    backlogCostFen: cost,
    backlogUncosted: uncosted,
  };
}

function marginals(levels: readonly LevelOutcome[]): Marginal[] {
  const sorted = [...levels].sort((a, b) => a.budgetFen - b.budgetFen);
  return sorted.slice(1).map((higher, n) => {
    const lower = sorted[n];
    const end = (l: LevelOutcome) => l.years[l.years.length - 1];
    const extraFen = higher.budgetFen - lower.budgetFen;
    const riskReduced = round(end(lower).backlogRisk - end(higher).backlogRisk);
    const lowerCondition = end(lower).meanCondition;
    const higherCondition = end(higher).meanCondition;
    const conditionGained =
      lowerCondition === null || higherCondition === null ? null : round(higherCondition - lowerCondition);
    const per100Wan = (v: number) => round((v * WAN_100_FEN) / extraFen);
    return {
      fromFen: lower.budgetFen,
      toFen: higher.budgetFen,
      extraFen,
      extraFunded: higher.fundedCount - lower.fundedCount,
      backlogRiskReduced: riskReduced,
      meanConditionGained: conditionGained,
      backlogCostReducedFen: end(lower).backlogCostFen - end(higher).backlogCostFen,
      per100Wan: {
        backlogRiskReduced: per100Wan(riskReduced),
        meanConditionGained: conditionGained === null ? null : per100Wan(conditionGained),
      },
    };
  });
}

/** Figures for people: two decimals. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

import { Type, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const FenAmount = (description: string) => Type.Integer({ description });

const SnapshotFields = {
  items: Type.Integer({ description: 'Candidates counted' }),
  meanCondition: Nullable(
    Type.Number({ description: 'Mean condition index (0–100) of every candidate’s asset, funded or not' }),
  ),
  backlogCount: Type.Integer({ description: 'Candidates still unfunded' }),
  backlogRisk: Type.Number({ description: 'Sum of the risk scores (1–25 each) of the unfunded' }),
  backlogCostFen: FenAmount('Sum of the cheapest costed option of each unfunded candidate'),
  backlogUncosted: Type.Integer({
    description: 'Unfunded candidates with no costed option (not in the cost)',
  }),
};
const Snapshot = Type.Object(SnapshotFields);
const ByClass = Type.Object(
  { 'road-segment': Snapshot, restroom: Snapshot, 'monitoring-device': Snapshot },
  { description: 'The same figures by asset class' },
);
const Envelopes = Type.Object({ maintenance: FenAmount('fen'), capital: FenAmount('fen') });

const YearView = Type.Object({
  fiscalYear: Type.Integer(),
  funded: Type.Array(
    Type.Object({
      id: Type.String({ description: 'The candidate' }),
      option: Type.String(),
      costFen: FenAmount('fen'),
    }),
    { description: 'What the level funds that year' },
  ),
  fundedCount: Type.Integer(),
  spendFen: FenAmount('Spent that year (at most the level)'),
  status: Type.String({
    description: 'The optimiser’s status (optimal, feasible, time-limit) or nothing-to-fund',
  }),
  ...SnapshotFields,
  byClass: ByClass,
});

const Line = Type.Object({
  budgetFen: FenAmount('The level the line is drawn for'),
  values: Type.Array(Nullable(Type.Number()), { description: 'One value per point of x' }),
});

export const WhatIfView = Type.Object({
  firstYear: Type.Integer({ description: 'The fiscal year of the first year’s spending' }),
  years: Type.Integer(),
  candidates: Type.Integer({ description: 'Open candidates no rule funded: where the projection starts' }),
  split: Type.Object(
    {
      source: Type.String({
        description: 'request, budget-year (as the first year’s envelopes stand) or even',
      }),
      maintenancePercent: Type.Number(),
      capitalPercent: Type.Number(),
    },
    { description: 'How each level is split between the maintenance and capital envelopes' },
  ),
  solver: Type.Object({
    method: Type.String(),
    timeLimitSeconds: Type.Number({ description: 'Per year and level' }),
  }),
  start: Type.Object({ ...SnapshotFields, byClass: ByClass }, { description: 'Now, before any spending' }),
  levels: Type.Array(
    Type.Object({
      budgetFen: FenAmount('fen a year'),
      envelopesFen: Envelopes,
      totalSpendFen: FenAmount('Spent over all the years'),
      fundedCount: Type.Integer({ description: 'Candidates funded over all the years' }),
      years: Type.Array(YearView, { description: 'The state at the end of each year' }),
    }),
    { description: 'One per level, in the order asked' },
  ),
  series: Type.Object(
    {
      x: Type.Array(Type.Integer(), { description: '0 = now, k = the end of year k' }),
      labels: Type.Array(Type.String(), { description: "'now', then the fiscal years" }),
      meanCondition: Type.Array(Line),
      backlogRisk: Type.Array(Line),
      backlogCostFen: Type.Array(Line),
      spendFen: Type.Array(Line),
    },
    { description: 'Lines per level over the years, for a chart' },
  ),
  marginal: Type.Array(
    Type.Object({
      fromFen: FenAmount('The lower level'),
      toFen: FenAmount('The next level up'),
      extraFen: FenAmount('Extra fen a year'),
      extraFunded: Type.Integer(),
      backlogRiskReduced: Type.Number(),
      meanConditionGained: Nullable(Type.Number()),
      backlogCostReducedFen: Type.Integer(),
      per100Wan: Type.Object(
        { backlogRiskReduced: Type.Number(), meanConditionGained: Nullable(Type.Number()) },
        { description: 'The same per extra 100万 yuan (100,000,000 fen) a year, in proportion' },
      ),
    }),
    { description: 'What each step up between consecutive levels buys by the end of the last year' },
  ),
});

export const CurvesView = Type.Object({
  curves: Type.Array(
    Type.Object({
      assetClass: Type.String(),
      points: Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }), {
        description: '[condition, index points lost per year], straight between points, flat beyond',
      }),
      source: Type.String(),
    }),
  ),
  restoredCondition: Type.Record(Type.String(), Type.Number(), {
    description: 'The condition a funded remedy leaves its asset at, by option (others: 100)',
  }),
});

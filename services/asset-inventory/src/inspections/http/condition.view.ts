import { Type, type Static } from '@sinclair/typebox';
import { LatestCondition } from '../../assets/http/asset.view';
import { STABLE_WITHIN_POINTS_PER_YEAR } from '../domain/condition-trend';
import type { ConditionHistory } from '../use-cases/condition-history/condition-history.query';

/** An asset's latest condition, its assessments over a period and their trend. */
export const ConditionView = Type.Object({
  assetId: Type.String(),
  latest: Type.Optional(LatestCondition),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  series: Type.Array(
    Type.Object({
      assessedAt: Type.String({ format: 'date-time' }),
      index: Type.Number(),
      grade: Type.Optional(Type.String()),
      method: Type.String(),
      inspectionId: Type.String(),
    }),
    { description: 'Oldest first' },
  ),
  trend: Type.Object({
    perYear: Type.Union([
      Type.Number({
        description: 'Least-squares slope, index points per 365-day year; null below two dates',
      }),
      Type.Null(),
    ]),
    points: Type.Integer({ description: 'Assessments the slope was fitted to' }),
    direction: Type.Union([
      Type.Literal('improving'),
      Type.Literal('stable'),
      Type.Literal('worsening'),
      Type.Null(),
    ]),
    stableWithinPerYear: Type.Number({ description: 'A slope within ± this many points a year is stable' }),
    method: Type.Union([Type.String(), Type.Null()], {
      description: 'The method of the points fitted: the newest one’s; other methods’ indices are left out',
    }),
    note: Type.String(),
  }),
});
export type ConditionView = Static<typeof ConditionView>;

export function toConditionView(h: ConditionHistory): ConditionView {
  const c = h.asset.condition;
  return {
    assetId: h.asset.code,
    ...(c && {
      latest: {
        index: c.index,
        ...(c.grade && { grade: c.grade }),
        ...(c.action && { action: c.action }),
        ...(c.method && { method: c.method }),
        assessedAt: c.assessedAt.toISOString(),
      },
    }),
    from: h.from.toISOString(),
    to: h.to.toISOString(),
    series: h.series.map((p) => ({
      assessedAt: p.inspectedAt.toISOString(),
      index: p.index,
      ...(p.grade !== undefined && { grade: p.grade }),
      method: p.method,
      inspectionId: p.id,
    })),
    trend: { ...h.trend, stableWithinPerYear: STABLE_WITHIN_POINTS_PER_YEAR },
  };
}

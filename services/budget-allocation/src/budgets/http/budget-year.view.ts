import { Type, type Static } from '@sinclair/typebox';
import type { StoredBudgetYear } from '../persistence/budget-year.repository';

const Counter = Type.Object({
  limitFen: Type.Integer(),
  committedFen: Type.Integer(),
  availableFen: Type.Integer(),
});

/** A fiscal year's budget position: every envelope and cap with its limit, commitments and headroom. */
export const BudgetYearView = Type.Object({
  fiscalYear: Type.Integer(),
  envelopes: Type.Record(
    Type.String(),
    Type.Object({
      ...Counter.properties,
      actualFen: Type.Integer({ description: 'Booked from completed work' }),
    }),
  ),
  departmentCaps: Type.Record(Type.String(), Counter),
  zoneCaps: Type.Record(Type.String(), Counter),
  commitments: Type.Array(
    Type.Object({
      id: Type.String(),
      envelope: Type.String(),
      amountFen: Type.Integer(),
      department: Type.String(),
      zoneId: Type.Optional(Type.String()),
      reason: Type.String(),
      at: Type.String({ format: 'date-time' }),
      by: Type.String(),
      actualFen: Type.Integer({ description: 'Booked against it from completed work so far' }),
      varianceFen: Type.Optional(
        Type.Integer({ description: 'actual − committed, once work has been booked: above 0 is an overrun' }),
      ),
    }),
    { description: 'Newest first' },
  ),
  actuals: Type.Array(
    Type.Object({
      completionId: Type.String({ description: 'The workorder.completed event it was booked from' }),
      workOrderId: Type.String(),
      envelope: Type.String(),
      amountFen: Type.Integer(),
      commitmentId: Type.Optional(Type.String()),
      completedAt: Type.String({ format: 'date-time' }),
    }),
    { description: 'Actual costs of completed work, newest first' },
  ),
  thresholds: Type.Record(Type.String(), Type.Record(Type.String(), Type.String({ format: 'date-time' })), {
    description: 'Envelope → level (80, 100) → when its crossing was announced',
  }),
  version: Type.Integer({ description: 'Also the ETag: send it back in If-Match to revise the limits' }),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.String(),
});
export type BudgetYearView = Static<typeof BudgetYearView>;

/** What completed work cost against each commitment, summed from the year's actuals. */
export function actualsByCommitment(y: Pick<StoredBudgetYear, 'actuals'>): Map<string, number> {
  const byCommitment = new Map<string, number>();
  for (const a of Object.values(y.actuals ?? {}))
    if (a.commitmentId)
      byCommitment.set(a.commitmentId, (byCommitment.get(a.commitmentId) ?? 0) + a.amountFen);
  return byCommitment;
}

export function toBudgetYearView(y: StoredBudgetYear): BudgetYearView {
  const booked = actualsByCommitment(y);
  return {
    fiscalYear: y.fiscalYear,
    envelopes: y.envelopes,
    departmentCaps: y.departmentCaps,
    zoneCaps: y.zoneCaps,
    commitments: Object.entries(y.commitments)
      .map(([id, c]) => ({
        id,
        envelope: c.envelope,
        amountFen: c.amountFen,
        department: c.department,
        ...(c.zoneId && { zoneId: c.zoneId }),
        reason: c.reason,
        at: new Date(c.at).toISOString(),
        by: c.by,
        actualFen: booked.get(id) ?? 0,
        ...(booked.has(id) && { varianceFen: (booked.get(id) ?? 0) - c.amountFen }),
      }))
      .sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id)),
    actuals: Object.entries(y.actuals ?? {})
      .map(([completionId, a]) => ({
        completionId,
        workOrderId: a.workOrderId,
        envelope: a.envelope,
        amountFen: a.amountFen,
        ...(a.commitmentId && { commitmentId: a.commitmentId }),
        completedAt: new Date(a.completedAt).toISOString(),
      }))
      .sort(
        (a, b) => b.completedAt.localeCompare(a.completedAt) || a.completionId.localeCompare(b.completionId),
      ),
    thresholds: Object.fromEntries(
      Object.entries(y.thresholds ?? {}).map(([envelope, levels]) => [
        envelope,
        Object.fromEntries(Object.entries(levels).map(([level, at]) => [level, new Date(at).toISOString()])),
      ]),
    ),
    version: y.version,
    updatedAt: y.updatedAt.toISOString(),
    updatedBy: y.updatedBy,
  };
}

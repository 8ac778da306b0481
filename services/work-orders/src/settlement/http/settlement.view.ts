import { Type, type Static } from '@sinclair/typebox';
import type { DeductionRules } from '../domain/settlement';
import type { CurrentRules } from '../persistence/deduction-rules.repository';
import type { SettlementDocument } from '../persistence/settlement.schema';

const When = Type.String({ format: 'date-time' });
const Fen = (description: string) => Type.Integer({ description: `${description}, fen` });

const Rules = {
  rejectionBp: Type.Integer({ description: 'Per rejected verification, basis points of the price' }),
  failedChecklistItemBp: Type.Integer({ description: 'Per checklist item failed, basis points' }),
  orderCapBp: Type.Integer({ description: 'The most one order’s deductions take, basis points' }),
  unreportedItemsFail: Type.Boolean(),
};

const Totals = Type.Object({
  pricedOrders: Type.Integer(),
  unpricedOrders: Type.Integer(),
  grossFen: Fen('Σ line amounts'),
  deductionFen: Fen('Σ line deductions'),
  netFen: Fen('What is paid: gross − deductions'),
});

const Summary = {
  id: Type.String(),
  contractorId: Type.String(),
  month: Type.String({ description: 'YYYY-MM' }),
  timeZone: Type.String({ description: 'Asia/Shanghai: the month’s boundaries' }),
  periodFrom: When,
  periodTo: Type.String({ format: 'date-time', description: 'Not included' }),
  status: Type.String({ description: 'draft (recomputable) or approved (fixed)' }),
  totals: Totals,
  computedAt: When,
  computedBy: Type.String(),
  approvedAt: Type.Optional(When),
  approvedBy: Type.Optional(Type.String()),
  version: Type.Integer({ description: 'Also the ETag' }),
};

export const SettlementSummaryView = Type.Object(Summary);
export type SettlementSummaryView = Static<typeof SettlementSummaryView>;

export const SettlementView = Type.Object({
  ...Summary,
  rules: Type.Object({ ...Rules, version: Type.Integer({ description: '0: the bureau’s default' }) }),
  lines: Type.Array(
    Type.Object({
      orderId: Type.String(),
      taskType: Type.String(),
      quotaVersion: Type.Integer(),
      quantity: Type.Number(),
      unit: Type.String(),
      labourFenPerUnit: Type.Integer(),
      materialsFenPerUnit: Type.Integer(),
      unitPriceFen: Type.Integer(),
      amountFen: Fen('quantity × unit price, rounded half-up once'),
      rejections: Type.Integer(),
      failedItems: Type.Array(Type.String()),
      deductions: Type.Array(
        Type.Object({
          kind: Type.String({ description: 'rejections, failed-checks, or cap (negative: given back)' }),
          count: Type.Optional(Type.Integer()),
          rateBp: Type.Optional(Type.Integer()),
          fen: Type.Integer(),
          reason: Type.String(),
        }),
      ),
      deductionFen: Type.Integer(),
      netFen: Type.Integer(),
      verifiedAt: When,
    }),
  ),
  unpriced: Type.Array(
    Type.Object({
      orderId: Type.String(),
      taskType: Type.String(),
      quotaVersion: Type.Optional(Type.Integer()),
      quantity: Type.Optional(Type.Number()),
      unit: Type.Optional(Type.String()),
      verifiedAt: When,
      reason: Type.String(),
    }),
  ),
});
export type SettlementView = Static<typeof SettlementView>;

export const DeductionRulesView = Type.Object({
  ...Rules,
  version: Type.Integer({ description: '0 while the bureau’s default is in force; also the ETag' }),
  isDefault: Type.Boolean(),
  reason: Type.Optional(Type.String()),
  updatedAt: Type.Optional(When),
  updatedBy: Type.Optional(Type.String()),
});
export type DeductionRulesView = Static<typeof DeductionRulesView>;

const iso = (d: Date | string) => new Date(d).toISOString();

export function toSettlementSummaryView(s: SettlementDocument): SettlementSummaryView {
  return {
    id: s._id,
    contractorId: s.contractorId,
    month: s.month,
    timeZone: s.timeZone,
    periodFrom: iso(s.periodFrom),
    periodTo: iso(s.periodTo),
    status: s.status,
    totals: { ...s.totals },
    computedAt: iso(s.computedAt),
    computedBy: s.computedBy,
    ...(s.approvedAt && { approvedAt: iso(s.approvedAt) }),
    ...(s.approvedBy && { approvedBy: s.approvedBy }),
    version: s.version,
  };
}

export function toSettlementView(s: SettlementDocument): SettlementView {
  return {
    ...toSettlementSummaryView(s),
    rules: { ...s.rules },
    lines: s.lines.map((l) => ({
      ...l,
      failedItems: [...l.failedItems],
      deductions: l.deductions.map((d) => ({ ...d })),
      verifiedAt: iso(l.verifiedAt),
    })),
    unpriced: s.unpriced.map((u) => ({ ...u, verifiedAt: iso(u.verifiedAt) })),
  };
}

export function toDeductionRulesView(c: CurrentRules): DeductionRulesView {
  const r: DeductionRules = c.rules;
  return {
    rejectionBp: r.rejectionBp,
    failedChecklistItemBp: r.failedChecklistItemBp,
    orderCapBp: r.orderCapBp,
    unreportedItemsFail: r.unreportedItemsFail,
    version: c.version,
    isDefault: c.version === 0,
    ...(c.reason && { reason: c.reason }),
    ...(c.updatedAt && { updatedAt: iso(c.updatedAt) }),
    ...(c.updatedBy && { updatedBy: c.updatedBy }),
  };
}

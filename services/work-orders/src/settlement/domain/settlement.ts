import { DomainValidationError } from '@buqi/domain-kernel';
import { add, fen, formatCny, multiply, subtract, sum, type Fen } from '@buqi/domain-money';
import { BUREAU_TIME_ZONE, monthPeriod, within } from './month';

/**
 * Contractor settlement (标准就是购买服务的定价基础): what a contractor is paid for a month's
 * verified work, priced by the service quota each order was funded with, less deductions for failed
 * quality checks. Pure: the caller reads the orders, the quota versions and the rules.
 *
 * The month is a calendar month in Asia/Shanghai (see ./month). Rounding: each line's amount
 * (quantity × unit price) is rounded half-up to the fen once; each deduction (a rate times a count,
 * of the line's amount) is rounded half-up to the fen once; the cap is rounded half-up once; every
 * sum after that is exact integer fen.
 */

/** Deductions for failed quality checks, as basis points (1/100 of a percent) of an order's price. */
export interface DeductionRules {
  /** Per rejected verification before the final one (每次验收不合格). */
  readonly rejectionBp: number;
  /** Per checklist item failed at the verification that passed the order (质量检查项不合格). */
  readonly failedChecklistItemBp: number;
  /** The most all of one order's deductions may take together (单笔扣减上限). */
  readonly orderCapBp: number;
  /**
   * Whether an item of the quota's quality checklist that the closure does not report at all counts
   * as failed (no evidence), beside the items reported as failed.
   */
  readonly unreportedItemsFail: boolean;
}

/**
 * The bureau's default rules, in force until finance changes them: 5 % of the order's price per
 * rejected verification, 2 % per checklist item failed, at most 30 % of the price in all, and an
 * unreported item is not counted as failed.
 */
export const DEFAULT_DEDUCTION_RULES: DeductionRules = Object.freeze({
  rejectionBp: 500,
  failedChecklistItemBp: 200,
  orderCapBp: 3_000,
  unreportedItemsFail: false,
});

/** Rules as given, checked: whole basis points from 0 to 10 000 (100 %). */
export function deductionRules(input: DeductionRules): DeductionRules {
  for (const field of ['rejectionBp', 'failedChecklistItemBp', 'orderCapBp'] as const) {
    const value = input[field];
    if (!Number.isSafeInteger(value) || value < 0 || value > 10_000)
      throw new DomainValidationError(field, value, 'must be whole basis points from 0 to 10000 (100 %)');
  }
  if (typeof input.unreportedItemsFail !== 'boolean')
    throw new DomainValidationError(
      'unreportedItemsFail',
      input.unreportedItemsFail,
      'must be true or false',
    );
  return {
    rejectionBp: input.rejectionBp,
    failedChecklistItemBp: input.failedChecklistItemBp,
    orderCapBp: input.orderCapBp,
    unreportedItemsFail: input.unreportedItemsFail,
  };
}

/** What settlement needs of a quota version: its unit, price per unit and quality checklist. */
export interface QuotaPrice {
  readonly taskType: string;
  readonly version: number;
  readonly unit: string;
  readonly labourFenPerUnit: number;
  readonly materialsFenPerUnit: number;
  readonly checklist: readonly string[];
}

/** What settlement needs of a verified order. */
export interface OrderToSettle {
  readonly id: string;
  readonly taskType: string;
  readonly quotaVersion?: number;
  readonly quantity?: number;
  readonly unit?: string;
  /** Its recorded moves: the final 'verify' dates it, the 'reject's before it are counted. */
  readonly history: readonly { readonly action: string; readonly at: Date }[];
  /** The quality checklist of the closure that was verified. */
  readonly checklist: readonly { readonly item: string; readonly passed: boolean }[];
}

export type DeductionKind = 'rejections' | 'failed-checks' | 'cap';

/** One deduction of a line, with why; a cap is a negative deduction giving back what exceeds it. */
export interface Deduction {
  readonly kind: DeductionKind;
  readonly count?: number;
  readonly rateBp?: number;
  readonly fen: Fen;
  readonly reason: string;
}

export interface StatementLine {
  readonly orderId: string;
  readonly taskType: string;
  readonly quotaVersion: number;
  readonly quantity: number;
  readonly unit: string;
  readonly labourFenPerUnit: Fen;
  readonly materialsFenPerUnit: Fen;
  /** Labour and materials per unit. */
  readonly unitPriceFen: Fen;
  /** quantity × unit price, rounded half-up to the fen. */
  readonly amountFen: Fen;
  readonly rejections: number;
  readonly failedItems: readonly string[];
  readonly deductions: readonly Deduction[];
  /** The sum of the deductions (after the cap). */
  readonly deductionFen: Fen;
  readonly netFen: Fen;
  readonly verifiedAt: Date;
}

/** A verified order that could not be priced, and why: never priced at 0 silently. */
export interface UnpricedOrder {
  readonly orderId: string;
  readonly taskType: string;
  readonly quotaVersion?: number;
  readonly quantity?: number;
  readonly unit?: string;
  readonly verifiedAt: Date;
  readonly reason: string;
}

export interface Statement {
  readonly contractorId: string;
  readonly month: string;
  readonly timeZone: string;
  readonly from: Date;
  readonly to: Date;
  readonly rules: DeductionRules;
  /** Priced orders, in the order they were verified. */
  readonly lines: readonly StatementLine[];
  readonly unpriced: readonly UnpricedOrder[];
  readonly totals: {
    readonly pricedOrders: number;
    readonly unpricedOrders: number;
    readonly grossFen: Fen;
    readonly deductionFen: Fen;
    readonly netFen: Fen;
  };
}

export interface SettlementInput {
  readonly contractorId: string;
  /** YYYY-MM, Asia/Shanghai. */
  readonly month: string;
  /** The contractor's orders verified in the month. */
  readonly orders: readonly OrderToSettle[];
  /** The quota versions the orders name (others are ignored). */
  readonly quotas: readonly QuotaPrice[];
  readonly rules: DeductionRules;
}

/** A contractor's statement for a month: one line per priced order, the unpriced listed with why. */
export function settle(input: SettlementInput): Statement {
  if (typeof input.contractorId !== 'string' || input.contractorId.trim() === '')
    throw new DomainValidationError('contractorId', input.contractorId, 'must name the contractor');
  const period = monthPeriod(input.month);
  const rules = deductionRules(input.rules);
  const quotas = new Map(input.quotas.map((q) => [`${q.taskType}:${q.version}`, q]));
  const lines: StatementLine[] = [];
  const unpriced: UnpricedOrder[] = [];
  const orders = input.orders
    .map((order, i) => ({ order, verifiedAt: verifiedAtOf(order, `orders[${i}]`) }))
    .sort((a, b) => a.verifiedAt.getTime() - b.verifiedAt.getTime() || compareIds(a.order.id, b.order.id));
  orders.forEach(({ order, verifiedAt }, i) => {
    if (!within(period, verifiedAt))
      throw new DomainValidationError(
        `orders[${i}]`,
        order.id,
        `was verified at ${verifiedAt.toISOString()}, outside ${period.month} (${BUREAU_TIME_ZONE})`,
      );
    const priced = price(order, quotas);
    if ('reason' in priced) {
      unpriced.push({
        orderId: order.id,
        taskType: order.taskType,
        ...(order.quotaVersion !== undefined && { quotaVersion: order.quotaVersion }),
        ...(order.quantity !== undefined && { quantity: order.quantity }),
        ...(order.unit !== undefined && { unit: order.unit }),
        verifiedAt,
        reason: priced.reason,
      });
      return;
    }
    lines.push(line(order, verifiedAt, priced.quota, priced.amountFen, rules));
  });
  const grossFen = sum(lines.map((l) => l.amountFen));
  const deductionFen = sum(lines.map((l) => l.deductionFen));
  return {
    contractorId: input.contractorId,
    month: period.month,
    timeZone: BUREAU_TIME_ZONE,
    from: period.from,
    to: period.to,
    rules,
    lines,
    unpriced,
    totals: {
      pricedOrders: lines.length,
      unpricedOrders: unpriced.length,
      grossFen,
      deductionFen,
      netFen: subtract(grossFen, deductionFen),
    },
  };
}

function verifiedAtOf(order: OrderToSettle, field: string): Date {
  const verify = [...order.history].reverse().find((h) => h.action === 'verify');
  if (!verify) throw new DomainValidationError(field, order.id, 'is not verified');
  return new Date(verify.at);
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function price(
  order: OrderToSettle,
  quotas: ReadonlyMap<string, QuotaPrice>,
): { quota: QuotaPrice; amountFen: Fen } | { reason: string } {
  if (order.quotaVersion === undefined)
    return { reason: 'has no quota version (opened without funding against a quota), so has no price' };
  const key = `${order.taskType}:${order.quotaVersion}`;
  const quota = quotas.get(key);
  if (!quota) return { reason: `its quota ${key} is not in the catalogue (standards.service-quota.v1)` };
  if (order.quantity === undefined) return { reason: 'has no quantity to price' };
  if (order.unit !== undefined && order.unit !== quota.unit)
    return { reason: `its unit "${order.unit}" is not quota ${key}'s "${quota.unit}"` };
  const quantity = exactDecimal(order.quantity);
  if (!quantity) return { reason: `its quantity ${order.quantity} cannot be priced exactly` };
  const unitPrice = add(
    fen(quota.labourFenPerUnit, 'labourFenPerUnit'),
    fen(quota.materialsFenPerUnit, 'materialsFenPerUnit'),
  );
  return { quota, amountFen: multiply(unitPrice, quantity.numerator, quantity.denominator, 'half-up') };
}

function line(
  order: OrderToSettle,
  verifiedAt: Date,
  quota: QuotaPrice,
  amountFen: Fen,
  rules: DeductionRules,
): StatementLine {
  const final = order.history.map((h) => h.action).lastIndexOf('verify');
  const rejections = order.history.slice(0, final).filter((h) => h.action === 'reject').length;
  const failed = order.checklist.filter((c) => !c.passed).map((c) => c.item);
  const reported = new Set(order.checklist.map((c) => c.item));
  const unreported = rules.unreportedItemsFail ? quota.checklist.filter((item) => !reported.has(item)) : [];
  const failedItems = [...failed, ...unreported.map((item) => `${item} (not reported)`)];
  const deductions: Deduction[] = [];
  if (rejections > 0 && rules.rejectionBp > 0)
    deductions.push({
      kind: 'rejections',
      count: rejections,
      rateBp: rules.rejectionBp,
      fen: multiply(amountFen, rules.rejectionBp * rejections, 10_000, 'half-up'),
      reason: `${rejections} rejected verification${rejections > 1 ? 's' : ''} × ${percent(rules.rejectionBp)} of the price`,
    });
  if (failedItems.length > 0 && rules.failedChecklistItemBp > 0)
    deductions.push({
      kind: 'failed-checks',
      count: failedItems.length,
      rateBp: rules.failedChecklistItemBp,
      fen: multiply(amountFen, rules.failedChecklistItemBp * failedItems.length, 10_000, 'half-up'),
      reason: `${failedItems.length} checklist item${failedItems.length > 1 ? 's' : ''} failed at verification (${failedItems.join('; ')}) × ${percent(rules.failedChecklistItemBp)} of the price`,
    });
  const before = sum(deductions.map((d) => d.fen));
  const cap = multiply(amountFen, rules.orderCapBp, 10_000, 'half-up');
  if (before > cap)
    deductions.push({
      kind: 'cap',
      rateBp: rules.orderCapBp,
      fen: subtract(cap, before),
      reason: `deductions on one order are capped at ${percent(rules.orderCapBp)} of its price (${formatCny(cap)})`,
    });
  const deductionFen = before > cap ? cap : before;
  return {
    orderId: order.id,
    taskType: order.taskType,
    quotaVersion: quota.version,
    quantity: order.quantity as number,
    unit: quota.unit,
    labourFenPerUnit: fen(quota.labourFenPerUnit),
    materialsFenPerUnit: fen(quota.materialsFenPerUnit),
    unitPriceFen: add(fen(quota.labourFenPerUnit), fen(quota.materialsFenPerUnit)),
    amountFen,
    rejections,
    failedItems,
    deductions,
    deductionFen,
    netFen: subtract(amountFen, deductionFen),
    verifiedAt,
  };
}

/** Basis points as a percentage for people: 250 → "2.5%". */
export const percent = (bp: number): string => `${bp / 100}%`;

/**
 * A decimal quantity as an exact fraction of integers (42.5 → 425/10), from its shortest decimal
 * form, so quantity × price is computed without floating point; undefined when it has none.
 */
export function exactDecimal(q: number): { numerator: number; denominator: number } | undefined {
  if (!Number.isFinite(q) || q < 0) return undefined;
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(q));
  if (!m) return undefined;
  const fraction = m[2] ?? '';
  const digits = BigInt(m[1] + fraction);
  const exponent = Number(m[3] ?? '0') - fraction.length;
  const numerator = exponent >= 0 ? digits * 10n ** BigInt(exponent) : digits;
  const denominator = exponent >= 0 ? 1n : 10n ** BigInt(-exponent);
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (numerator > max || denominator > max) return undefined;
  return { numerator: Number(numerator), denominator: Number(denominator) };
}

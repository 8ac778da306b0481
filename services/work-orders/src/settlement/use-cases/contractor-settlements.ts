import { Injectable } from '@nestjs/common';
import { AccessDeniedError, AuditTrail, type Caller } from '@buqi/auth';
import type { Reach, Viewer } from '../../orders/domain/access';
import { WorkOrderRepository } from '../../orders/persistence/work-order.repository';
import type { WorkOrderDocument } from '../../orders/persistence/work-order.schema';
import { viewerOf } from '../../orders/use-cases/work-order-commands';
import { QuotaCatalogue } from '../../standards/quota-catalogue';
import { monthPeriod } from '../domain/month';
import { settle, type OrderToSettle, type QuotaPrice } from '../domain/settlement';
import { DeductionRulesRepository } from '../persistence/deduction-rules.repository';
import {
  approvedAlready,
  SettlementRepository,
  type ComputedStatement,
} from '../persistence/settlement.repository';
import type { SettlementDocument } from '../persistence/settlement.schema';
import { settlementId } from './settlement-requests';

/** Who settles with contractors: finance, and admins. */
export const SETTLERS = ['finance', 'admin'] as const;

/** Whether the viewer may read a statement: finance and admins any, a contractor its own. */
export function mayRead(viewer: Viewer, statement: Pick<SettlementDocument, 'contractorId'>): boolean {
  if (viewer.roles.some((r) => (SETTLERS as readonly string[]).includes(r))) return true;
  return viewer.roles.includes('contractor') && viewer.contractor === statement.contractorId;
}

function toSettle(order: WorkOrderDocument): OrderToSettle {
  return {
    id: order._id,
    taskType: order.taskType,
    ...(order.quotaVersion !== undefined && { quotaVersion: order.quotaVersion }),
    ...(order.quantity !== undefined && { quantity: order.quantity }),
    ...(order.unit !== undefined && { unit: order.unit }),
    history: order.history.map((h) => ({ action: h.action, at: new Date(h.at) })),
    checklist: order.closure?.checklist ?? [],
  };
}

/**
 * Contractor settlement: a month's statement computed from the contractor's verified orders, the
 * quota versions they name and the deduction rules in force, stored as a draft (recomputed while it
 * is one), approved once by finance and then fixed.
 */
@Injectable()
export class ContractorSettlements {
  constructor(
    private readonly orders: WorkOrderRepository,
    private readonly catalogue: QuotaCatalogue,
    private readonly rules: DeductionRulesRepository,
    private readonly settlements: SettlementRepository,
    private readonly audit: AuditTrail,
  ) {}

  async compute(
    request: { contractorId: string; month: string },
    caller: Caller,
  ): Promise<{ statement: SettlementDocument; created: boolean }> {
    const id = settlementId(request.contractorId, request.month);
    const existing = await this.settlements.find(id);
    if (existing?.status === 'approved') throw approvedAlready(existing);
    const period = monthPeriod(request.month);
    const reach: Reach[] = [{ assignee: { kind: 'contractor', id: request.contractorId } }];
    const orders = (await this.orders.verifiedBetween(period.from, period.to, reach)).map(toSettle);
    const current = await this.rules.current();
    const statement = settle({
      contractorId: request.contractorId,
      month: request.month,
      orders,
      quotas: await this.quotasOf(orders),
      rules: current.rules,
    });
    const now = caller.now;
    const computed: ComputedStatement = {
      contractorId: statement.contractorId,
      month: statement.month,
      timeZone: statement.timeZone,
      periodFrom: statement.from,
      periodTo: statement.to,
      rules: { ...statement.rules, version: current.version },
      lines: [...statement.lines],
      unpriced: [...statement.unpriced],
      totals: { ...statement.totals },
      computedAt: now,
      computedBy: caller.actor.id,
    };
    const stored = existing
      ? await this.settlements.replaceDraft(id, existing.version, computed, now)
      : await this.settlements.insertDraft(id, computed, now);
    await this.audit.record({
      actor: caller.principal,
      action: existing ? 'settlement.recompute' : 'settlement.compute',
      resource: { type: 'settlement', id },
      ...(existing && { before: { totals: existing.totals } }),
      after: { totals: stored.totals, rulesVersion: current.version },
      origin: caller.origin,
    });
    return { statement: stored, created: !existing };
  }

  async approve(id: string, version: number | undefined, caller: Caller): Promise<SettlementDocument> {
    const approved = await this.settlements.approve(id, version, caller.actor.id, caller.now);
    await this.audit.record({
      actor: caller.principal,
      action: 'settlement.approve',
      resource: { type: 'settlement', id },
      before: { status: 'draft' },
      after: { status: 'approved', netFen: approved.totals.netFen },
      origin: caller.origin,
    });
    return approved;
  }

  /** A statement the caller may read, or 403 (a contractor asking for another's). */
  async readable(id: string, caller: Caller): Promise<SettlementDocument> {
    const statement = await this.settlements.get(id);
    if (!mayRead(viewerOf(caller), statement))
      throw new AccessDeniedError(`settlement ${id} is another contractor’s`);
    return statement;
  }

  /** The quota versions the orders name that the catalogue has. */
  private async quotasOf(orders: readonly OrderToSettle[]): Promise<QuotaPrice[]> {
    const named = new Map<string, { taskType: string; version: number }>();
    for (const o of orders)
      if (o.quotaVersion !== undefined)
        named.set(`${o.taskType}:${o.quotaVersion}`, { taskType: o.taskType, version: o.quotaVersion });
    const found = await Promise.all(
      [...named.values()].map((k) => this.catalogue.version(k.taskType, k.version)),
    );
    return found.flatMap((q) =>
      q
        ? [
            {
              taskType: q.taskType,
              version: q.version,
              unit: q.unit,
              labourFenPerUnit: q.labourFenPerUnit,
              materialsFenPerUnit: q.materialsFenPerUnit,
              checklist: q.quality.checklist,
            },
          ]
        : [],
    );
  }
}

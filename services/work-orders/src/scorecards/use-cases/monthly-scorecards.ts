import { Injectable } from '@nestjs/common';
import { AccessDeniedError, type Caller } from '@buqi/auth';
import { reachOf, type Reach, type Viewer } from '../../orders/domain/access';
import { WorkOrderRepository } from '../../orders/persistence/work-order.repository';
import type { WorkOrderDocument } from '../../orders/persistence/work-order.schema';
import { viewerOf } from '../../orders/use-cases/work-order-commands';
import { BUREAU_TIME_ZONE, monthPeriod, type MonthPeriod } from '../../settlement/domain/month';
import { scorecards, type ScoredOrder, type Scorecard, type ScorecardKind } from '../domain/scorecard';

/**
 * The orders a viewer's scorecards of a kind are computed from: every order (admins, asset
 * managers, finance, leadership); their department's (supervisors, department heads: every crew,
 * contractor and the department itself as they worked for it); their own crew's (crew members, crew
 * cards only); their own company's (contractors, contractor cards only). 403 when none applies.
 */
export function scorecardReach(viewer: Viewer, kind: ScorecardKind): Reach[] {
  const reach = reachOf(viewer).filter(
    (r) => 'all' in r || 'department' in r || (kind !== 'department' && r.assignee.kind === kind),
  );
  if (reach.length === 0)
    throw new AccessDeniedError(
      kind === 'department'
        ? 'department scorecards are for supervisors and heads of the department (and those who see all)'
        : `you may read only your own ${kind}’s scorecard, or your department’s`,
    );
  return reach;
}

function scored(order: WorkOrderDocument): ScoredOrder {
  return {
    id: order._id,
    department: order.department,
    ...(order.assignee && { assignee: order.assignee }),
    standardHours: order.standardHours,
    ...(order.closure && { labourHours: order.closure.labourHours }),
    ...(order.resolvedAt && { resolvedAt: new Date(order.resolvedAt) }),
    resolveBy: new Date(order.due.resolveBy),
    ...(order.rating && { rating: order.rating }),
    reopened: order.history.some((h) => h.action === 'reject'),
  };
}

/** Monthly scorecards (多劳多得) from the orders verified in the month that the caller may see. */
@Injectable()
export class MonthlyScorecards {
  constructor(private readonly orders: WorkOrderRepository) {}

  async read(
    month: string,
    kind: ScorecardKind,
    caller: Caller,
  ): Promise<{ period: MonthPeriod; timeZone: string; items: Scorecard[] }> {
    const reach = scorecardReach(viewerOf(caller), kind);
    const period = monthPeriod(month);
    const orders = await this.orders.verifiedBetween(period.from, period.to, reach);
    return { period, timeZone: BUREAU_TIME_ZONE, items: scorecards(kind, orders.map(scored)) };
  }
}

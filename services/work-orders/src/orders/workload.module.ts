import { Global, Injectable, Module } from '@nestjs/common';
import { ASSIGNEE_WORKLOAD, type AssigneeWorkload } from '../directory/ports/assignee-workload';
import { OrdersModule } from './orders.module';
import { WorkOrderRepository } from './persistence/work-order.repository';

/** Each crew's and contractor's load and on-time record, from its work orders. */
@Injectable()
export class OrderWorkload implements AssigneeWorkload {
  constructor(private readonly orders: WorkOrderRepository) {}

  async openStandardHours(assigneeIds: string[]): Promise<Map<string, number>> {
    const load = new Map(assigneeIds.map((id) => [id, 0]));
    for (const o of await this.orders.openAssignedTo(assigneeIds))
      if (o.assignee) load.set(o.assignee.id, (load.get(o.assignee.id) ?? 0) + o.standardHours);
    return load;
  }

  async onTimeRecord(
    assigneeIds: string[],
    since: Date,
  ): Promise<Map<string, { closed: number; onTime: number }>> {
    const record = new Map(assigneeIds.map((id) => [id, { closed: 0, onTime: 0 }]));
    for (const o of await this.orders.resolvedBy(assigneeIds, since)) {
      const r = o.assignee && record.get(o.assignee.id);
      if (!r || !o.resolvedAt) continue;
      r.closed += 1;
      if (new Date(o.resolvedAt).getTime() <= new Date(o.due.resolveBy).getTime()) r.onTime += 1;
    }
    return record;
  }
}

/** Supplies the directory's suggested assignee with the real figures (its ASSIGNEE_WORKLOAD port). */
@Global()
@Module({
  imports: [OrdersModule],
  providers: [{ provide: ASSIGNEE_WORKLOAD, useClass: OrderWorkload }],
  exports: [ASSIGNEE_WORKLOAD],
})
export class WorkloadModule {}

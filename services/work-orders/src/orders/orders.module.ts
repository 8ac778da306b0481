import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { registerOutbox } from '@buqi/messaging';
import { RemediationFundedConsumer } from './consumers/remediation-funded.consumer';
import { EscalationJobsProcessor } from './escalation/escalation-jobs.processor';
import { Escalations } from './escalation/escalations';
import { WorkOrdersController } from './http/work-orders.controller';
import { WorkOrderRepository } from './persistence/work-order.repository';
import { WORK_ORDER_MODEL, workOrderSchema } from './persistence/work-order.schema';
import { Sla } from './sla';
import { CalendarsModule } from '../calendars/calendars.module';
import { ProvisionalDueTimes } from './escalation/provisional-due-times';
import { OpenWorkOrder } from './use-cases/open-work-order';
import { WorkOrderCommands } from './use-cases/work-order-commands';

/** Work orders: their lifecycle, SLA due times and the escalation ladder. */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: WORK_ORDER_MODEL, schema: workOrderSchema }]),
    CalendarsModule,
  ],
  controllers: [WorkOrdersController],
  providers: [
    registerOutbox(WORK_ORDER_MODEL),
    WorkOrderRepository,
    Sla,
    Escalations,
    ProvisionalDueTimes,
    EscalationJobsProcessor,
    OpenWorkOrder,
    WorkOrderCommands,
    RemediationFundedConsumer,
  ],
  exports: [WorkOrderRepository, OpenWorkOrder],
})
export class OrdersModule {}

import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@buqi/platform';
import type { ServiceConfig } from '../config';
import { EvidenceStore } from './evidence/evidence-store';
import { evidenceStore } from './evidence/s3-evidence-store';
import { MongooseModule } from '@nestjs/mongoose';
import { registerOutbox } from '@buqi/messaging';
import { RemediationFundedConsumer } from './consumers/remediation-funded.consumer';
import { EscalationJobsProcessor } from './escalation/escalation-jobs.processor';
import { Escalations } from './escalation/escalations';
import { WorkOrdersController } from './http/work-orders.controller';
import { WorkOrderRepository } from './persistence/work-order.repository';
import { WORK_ORDER_MODEL, workOrderSchema } from './persistence/work-order.schema';
import { Sla } from './sla';
import { DayEndController } from './day-end/day-end.controller';
import { DAY_END_REPORT_MODEL, dayEndReportSchema } from './day-end/day-end-report.schema';
import { DayEndSweep } from './day-end/day-end-sweep';
import { CalendarsModule } from '../calendars/calendars.module';
import { DirectoryModule } from '../directory/directory.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { StandardsModule } from '../standards/standards.module';
import { OrderNotices } from './notify/order-notices';
import { ProvisionalDueTimes } from './escalation/provisional-due-times';
import { OpenWorkOrder } from './use-cases/open-work-order';
import { WorkOrderCommands } from './use-cases/work-order-commands';

/** Work orders: their lifecycle, SLA due times and the escalation ladder. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: WORK_ORDER_MODEL, schema: workOrderSchema },
      { name: DAY_END_REPORT_MODEL, schema: dayEndReportSchema },
    ]),
    CalendarsModule,
    NotificationsModule,
    DirectoryModule,
    StandardsModule,
  ],
  controllers: [WorkOrdersController, DayEndController],
  providers: [
    registerOutbox(WORK_ORDER_MODEL),
    WorkOrderRepository,
    Sla,
    Escalations,
    ProvisionalDueTimes,
    DayEndSweep,
    OrderNotices,
    {
      provide: EvidenceStore,
      inject: [PLATFORM_CONFIG],
      useFactory: (config: ServiceConfig) => evidenceStore(config),
    },
    EscalationJobsProcessor,
    OpenWorkOrder,
    WorkOrderCommands,
    RemediationFundedConsumer,
  ],
  exports: [WorkOrderRepository, OpenWorkOrder, WorkOrderCommands],
})
export class OrdersModule {}

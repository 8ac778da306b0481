import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AssetsModule } from '../assets/assets.module';
import { CalendarsModule } from '../calendars/calendars.module';
import { OrdersModule } from '../orders/orders.module';
import { PreventivePlansController } from './http/preventive-plans.controller';
import { PREVENTIVE_PLAN_MODEL, preventivePlanSchema } from './persistence/preventive-plan.schema';
import { PreventiveGeneration } from './preventive-generation';
import { PreventivePlans } from './use-cases/preventive-plans';

/** Recurring plans that generate work orders ahead of their dates. */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: PREVENTIVE_PLAN_MODEL, schema: preventivePlanSchema }]),
    OrdersModule,
    CalendarsModule,
    AssetsModule,
  ],
  controllers: [PreventivePlansController],
  providers: [PreventivePlans, PreventiveGeneration],
  exports: [PreventivePlans],
})
export class PreventiveModule {}

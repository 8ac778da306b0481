import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { ScorecardsController } from './http/scorecards.controller';
import { MonthlyScorecards } from './use-cases/monthly-scorecards';

/** Workload credit: monthly scorecards per crew, contractor and department from verified orders. */
@Module({
  imports: [OrdersModule],
  controllers: [ScorecardsController],
  providers: [MonthlyScorecards],
})
export class ScorecardsModule {}

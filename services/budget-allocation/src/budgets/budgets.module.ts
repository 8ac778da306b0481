import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { registerOutbox } from '@buqi/messaging';
import { WorkOrderCompletedConsumer } from './consumers/work-order-completed.consumer';
import { BudgetsController } from './http/budgets.controller';
import { BookActual } from './use-cases/book-actual.use-case';
import { ThresholdAlerts } from './use-cases/threshold-alerts';
import { BudgetWorkbook } from './use-cases/budget-workbook';
import { BUDGET_YEAR_MODEL, budgetYearSchema } from './persistence/budget-year.schema';
import { BudgetYearRepository } from './persistence/budget-year.repository';
import { CommitFunds, OpenYear, ReleaseCommitment, ReviseLimits } from './use-cases/budget-years.use-cases';

/** Fiscal years' envelopes and caps, and commitments that never pass them. */
@Module({
  imports: [MongooseModule.forFeature([{ name: BUDGET_YEAR_MODEL, schema: budgetYearSchema }])],
  controllers: [BudgetsController],
  providers: [
    registerOutbox(BUDGET_YEAR_MODEL),
    BudgetYearRepository,
    OpenYear,
    ReviseLimits,
    CommitFunds,
    ReleaseCommitment,
    BookActual,
    ThresholdAlerts,
    BudgetWorkbook,
    WorkOrderCompletedConsumer,
  ],
  exports: [BudgetYearRepository, CommitFunds],
})
export class BudgetsModule {}

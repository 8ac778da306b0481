import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { registerOutbox } from '@buqi/messaging';
import { BudgetsModule } from '../budgets/budgets.module';
import { CandidatesModule } from '../candidates/candidates.module';
import { PlansController } from './http/plans.controller';
import { PlanJobsProcessor } from './jobs/plan-jobs.processor';
import { PlanRepository } from './persistence/plan.repository';
import {
  APPROVAL_POLICY_MODEL,
  approvalPolicySchema,
  PLAN_MODEL,
  planSchema,
} from './persistence/plan.schema';
import { ApprovePlan, RejectPlan } from './use-cases/approve-plan.use-case';
import { FundPlan } from './use-cases/fund-plan';
import { PlanWorkbook } from './use-cases/plan-workbook';
import { ProposePlan } from './use-cases/propose-plan.use-case';
import { RevisePlan } from './use-cases/revise-plan.use-case';
import { SolvePlan } from './use-cases/solve-plan.use-case';

/**
 * The investment plan: solved by a job with the anytime optimiser (the Optimiser comes from the
 * global OptimiserModule the app registers), approved along a chain held as data, funded in one step.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: PLAN_MODEL, schema: planSchema },
      { name: APPROVAL_POLICY_MODEL, schema: approvalPolicySchema },
    ]),
    BudgetsModule,
    CandidatesModule,
  ],
  controllers: [PlansController],
  providers: [
    registerOutbox(PLAN_MODEL),
    PlanRepository,
    ProposePlan,
    SolvePlan,
    ApprovePlan,
    RejectPlan,
    RevisePlan,
    FundPlan,
    PlanWorkbook,
    PlanJobsProcessor,
  ],
})
export class PlansModule {}

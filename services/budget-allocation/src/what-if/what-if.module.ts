import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module';
import { CandidatesModule } from '../candidates/candidates.module';
import { WhatIfController } from './http/what-if.controller';
import { ProjectWhatIf } from './use-cases/project-what-if.use-case';

/**
 * The multi-year what-if over the candidates awaiting the plan, solved on the app's one optimiser
 * (the global OptimiserModule AppModule registers: one worker pool per process).
 */
@Module({
  imports: [CandidatesModule, BudgetsModule],
  controllers: [WhatIfController],
  providers: [ProjectWhatIf],
})
export class WhatIfModule {}

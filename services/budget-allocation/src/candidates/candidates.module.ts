import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { KnownAssetsModule } from '../assets/known-assets.module';
import { BudgetsModule } from '../budgets/budgets.module';
import { registerOutbox } from '@buqi/messaging';
import { QuotasModule } from '../quotas/quotas.module';
import { KnownSitesModule } from '../sites/sites.module';
import { ConsiderShortfall } from './use-cases/consider-shortfall.use-case';
import { FundCandidate } from './use-cases/fund-candidate.use-case';
import { ShortfallConsumer } from './consumers/shortfall.consumer';
import { WorkOrderCancelledConsumer } from './consumers/work-order-cancelled.consumer';
import { CandidatesController } from './http/candidates.controller';
import { CANDIDATE_MODEL, candidateSchema } from './persistence/candidate.schema';
import { CandidateRepository } from './persistence/candidate.repository';

/** Remediation candidates from shortfall.detected.v2, withdrawn by shortfall.resolved.v1. */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: CANDIDATE_MODEL, schema: candidateSchema }]),
    KnownAssetsModule,
    KnownSitesModule,
    QuotasModule,
    BudgetsModule,
  ],
  controllers: [CandidatesController],
  providers: [
    registerOutbox(CANDIDATE_MODEL),
    CandidateRepository,
    ConsiderShortfall,
    FundCandidate,
    ShortfallConsumer,
    WorkOrderCancelledConsumer,
  ],
  exports: [CandidateRepository],
})
export class CandidatesModule {}

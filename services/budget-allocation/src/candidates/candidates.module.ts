import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { KnownAssetsModule } from '../assets/known-assets.module';
import { BudgetsModule } from '../budgets/budgets.module';
import { registerOutbox } from '@buqi/messaging';
import { QuotasModule } from '../quotas/quotas.module';
import { KnownSitesModule } from '../sites/sites.module';
import { ConsiderShortfall } from './use-cases/consider-shortfall.use-case';
import { FundCandidate } from './use-cases/fund-candidate.use-case';
import { AssetStateConsumer } from './consumers/asset-state.consumer';
import { ServiceQuotaConsumer } from './consumers/service-quota.consumer';
import { ShortfallConsumer } from './consumers/shortfall.consumer';
import { ReconsiderCandidates } from './use-cases/reconsider-candidates.use-case';
import { WorkOrderCancelledConsumer } from './consumers/work-order-cancelled.consumer';
import { CandidatesController } from './http/candidates.controller';
import { CANDIDATE_MODEL, candidateSchema } from './persistence/candidate.schema';
import { CandidateRepository } from './persistence/candidate.repository';
import { AWAITED_FACT_MODEL, awaitedFactSchema } from './persistence/awaited-fact.schema';
import { AwaitedFactRepository } from './persistence/awaited-fact.repository';

/**
 * Remediation candidates from shortfall.detected.v2, withdrawn by shortfall.resolved.v1, considered
 * again when an asset's state or a quota they could not be costed without arrives.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CANDIDATE_MODEL, schema: candidateSchema },
      { name: AWAITED_FACT_MODEL, schema: awaitedFactSchema },
    ]),
    KnownAssetsModule,
    KnownSitesModule,
    QuotasModule,
    BudgetsModule,
  ],
  controllers: [CandidatesController],
  providers: [
    registerOutbox(CANDIDATE_MODEL),
    CandidateRepository,
    AwaitedFactRepository,
    ConsiderShortfall,
    FundCandidate,
    ReconsiderCandidates,
    ShortfallConsumer,
    AssetStateConsumer,
    ServiceQuotaConsumer,
    WorkOrderCancelledConsumer,
  ],
  exports: [CandidateRepository],
})
export class CandidatesModule {}

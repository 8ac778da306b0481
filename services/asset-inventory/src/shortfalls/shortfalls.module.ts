import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { registerOutbox } from '@buqi/messaging';
import { AssetsModule } from '../assets/assets.module';
import { TelemetryReadingsModule } from '../telemetry/telemetry-readings.module';
import { WorkOrderCompletedConsumer } from './consumers/work-order-completed.consumer';
import { ShortfallsController } from './http/shortfalls.controller';
import { CoverageSweepProcessor } from './jobs/coverage-sweep.processor';
import { MAINTENANCE_MODEL, maintenanceSchema } from './persistence/maintenance.schema';
import { MaintenanceRepository } from './persistence/maintenance.repository';
import { ShortfallBook } from './persistence/shortfall-book';
import {
  SHORTFALL_MODEL,
  SHORTFALL_TRACK_MODEL,
  shortfallSchema,
  shortfallTrackSchema,
} from './persistence/shortfall.schema';
import { SHORTFALL_SIGNALS } from './shortfall-signals';
import { CheckCoverage } from './use-cases/check-coverage.use-case';
import { ShortfallQueries } from './use-cases/shortfall-queries';
import { ShortfallRules } from './use-cases/shortfall-rules';

/**
 * Shortfalls (短板): the rules of libs/domain-shortfalls applied to what inspections, telemetry and
 * the coverage sweep report, one open shortfall per asset and kind, published as shortfall.detected
 * and shortfall.resolved; completed work orders move them to awaiting verification. Global, so the
 * inspection and telemetry slices find SHORTFALL_SIGNALS without importing this module (which
 * imports theirs for the readings).
 */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: SHORTFALL_MODEL, schema: shortfallSchema },
      { name: SHORTFALL_TRACK_MODEL, schema: shortfallTrackSchema },
      { name: MAINTENANCE_MODEL, schema: maintenanceSchema },
    ]),
    AssetsModule,
    TelemetryReadingsModule,
  ],
  controllers: [ShortfallsController],
  providers: [
    registerOutbox(SHORTFALL_MODEL),
    registerOutbox(SHORTFALL_TRACK_MODEL),
    ShortfallBook,
    MaintenanceRepository,
    ShortfallRules,
    { provide: SHORTFALL_SIGNALS, useExisting: ShortfallRules },
    CheckCoverage,
    CoverageSweepProcessor,
    ShortfallQueries,
    WorkOrderCompletedConsumer,
  ],
  exports: [SHORTFALL_SIGNALS],
})
export class ShortfallsModule {}

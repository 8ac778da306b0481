import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AssetsModule } from '../assets/assets.module';
import { InspectionsController } from './http/inspections.controller';
import { INSPECTION_MODEL, inspectionSchema } from './persistence/inspection.schema';
import { InspectionRepository } from './persistence/inspection.repository';
import { GetConditionHistory } from './use-cases/condition-history/condition-history.query';
import { GetInspection } from './use-cases/get-inspection/get-inspection.query';
import { LastCalibration } from './use-cases/last-calibration/last-calibration.query';
import { ListInspections } from './use-cases/list-inspections/list-inspections.query';
import { RecordDeviceCondition } from './use-cases/record-device-condition/record-device-condition.use-case';
import { ConditionSignal } from './use-cases/record-inspection/condition-signal';
import { LatestCondition } from './use-cases/record-inspection/latest-condition';
import { RecordInspection } from './use-cases/record-inspection/record-inspection.use-case';
import { TellShortfallRules } from './use-cases/record-inspection/tell-shortfall-rules';
import { UntoldInspectionsProcessor } from './jobs/untold-inspections.processor';

/**
 * Inspections of road segments and restrooms (and devices' calibrations): condition indices with
 * their factors, the asset's latest condition (published with asset.state.v1), history and trend.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: INSPECTION_MODEL, schema: inspectionSchema }]), AssetsModule],
  controllers: [InspectionsController],
  providers: [
    InspectionRepository,
    LatestCondition,
    ConditionSignal,
    TellShortfallRules,
    UntoldInspectionsProcessor,
    RecordInspection,
    ListInspections,
    GetInspection,
    GetConditionHistory,
    LastCalibration,
    RecordDeviceCondition,
  ],
  // For the telemetry slice: a device's condition counts its calibration's age, and joins its history.
  exports: [LastCalibration, RecordDeviceCondition],
})
export class InspectionsModule {}

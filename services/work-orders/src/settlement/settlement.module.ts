import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrdersModule } from '../orders/orders.module';
import { StandardsModule } from '../standards/standards.module';
import { SettlementRulesController } from './http/settlement-rules.controller';
import { SettlementsController } from './http/settlements.controller';
import { DeductionRulesRepository } from './persistence/deduction-rules.repository';
import { SettlementRepository } from './persistence/settlement.repository';
import {
  DEDUCTION_RULES_MODEL,
  deductionRulesSchema,
  SETTLEMENT_MODEL,
  settlementSchema,
} from './persistence/settlement.schema';
import { ContractorSettlements } from './use-cases/contractor-settlements';
import { SettlementWorkbook } from './use-cases/settlement-workbook';

/** Contractor settlement: monthly statements priced by the service quotas, less quality deductions. */
@Module({
  imports: [
    OrdersModule,
    StandardsModule,
    MongooseModule.forFeature([
      { name: SETTLEMENT_MODEL, schema: settlementSchema },
      { name: DEDUCTION_RULES_MODEL, schema: deductionRulesSchema },
    ]),
  ],
  controllers: [SettlementsController, SettlementRulesController],
  providers: [SettlementRepository, DeductionRulesRepository, ContractorSettlements, SettlementWorkbook],
})
export class SettlementModule {}

import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { registerOutbox } from '@buqi/messaging';
import { QuotasController } from './http/quotas.controller';
import { SERVICE_QUOTA_MODEL, serviceQuotaSchema } from './persistence/service-quota.schema';
import { ServiceQuotaRepository } from './persistence/service-quota.repository';
import { AddQuotaVersion, DefineQuota } from './use-cases/quota.use-cases';

/** The service-quota catalogue, versioned by effective date, published on standards.service-quota.v1. */
@Module({
  imports: [MongooseModule.forFeature([{ name: SERVICE_QUOTA_MODEL, schema: serviceQuotaSchema }])],
  controllers: [QuotasController],
  providers: [registerOutbox(SERVICE_QUOTA_MODEL), ServiceQuotaRepository, DefineQuota, AddQuotaVersion],
  exports: [ServiceQuotaRepository],
})
export class QuotasModule {}

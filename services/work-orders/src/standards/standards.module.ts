import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ServiceQuotaConsumer } from './consumers/service-quota.consumer';
import { StandardsController } from './http/standards.controller';
import { QUOTA_VERSION_MODEL, quotaVersionSchema } from './persistence/quota-version.schema';
import { QuotaVersionRepository } from './persistence/quota-version.repository';
import { QuotaCatalogue } from './quota-catalogue';

/** The service-quota catalogue as read from standards.service-quota.v1: every version, kept locally. */
@Module({
  imports: [MongooseModule.forFeature([{ name: QUOTA_VERSION_MODEL, schema: quotaVersionSchema }])],
  controllers: [StandardsController],
  providers: [QuotaVersionRepository, QuotaCatalogue, ServiceQuotaConsumer],
  exports: [QuotaCatalogue],
})
export class StandardsModule {}

import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SiteStateConsumer } from './consumers/site-state.consumer';
import { KnownSitesController } from './http/sites.controller';
import { KnownSiteRepository } from './persistence/known-site.repository';
import { KNOWN_SITE_MODEL, knownSiteSchema } from './persistence/known-site.schema';

/** The sites and zones published by asset-inventory, kept here to set budget caps per zone. */
@Module({
  imports: [MongooseModule.forFeature([{ name: KNOWN_SITE_MODEL, schema: knownSiteSchema }])],
  controllers: [KnownSitesController],
  providers: [KnownSiteRepository, SiteStateConsumer],
  exports: [KnownSiteRepository],
})
export class KnownSitesModule {}

import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { registerOutbox } from '@buqi/messaging';
import { SitesController } from './http/sites.controller';
import { SITE_MODEL, siteSchema } from './persistence/site.schema';
import { SiteRepository } from './persistence/site.repository';
import { AddBuilding } from './use-cases/add-building/add-building.use-case';
import { AddZone } from './use-cases/add-zone/add-zone.use-case';
import { GetSite } from './use-cases/get-site/get-site.query';
import { ListSites } from './use-cases/list-sites/list-sites.query';
import { RegisterSite } from './use-cases/register-site/register-site.use-case';
import { ReviseSite } from './use-cases/revise-site/revise-site.use-case';
import { SiteChanges } from './use-cases/site-change';

/** Sites and zones: the first slice of the inventory, and the example the other features follow. */
@Module({
  imports: [MongooseModule.forFeature([{ name: SITE_MODEL, schema: siteSchema }])],
  controllers: [SitesController],
  providers: [
    registerOutbox(SITE_MODEL),
    SiteRepository,
    SiteChanges,
    RegisterSite,
    ReviseSite,
    AddZone,
    AddBuilding,
    ListSites,
    GetSite,
  ],
  exports: [SiteRepository],
})
export class SitesModule {}

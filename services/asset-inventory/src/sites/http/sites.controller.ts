import { Controller, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { Caller, Roles } from '@buqi/auth';
import {
  ApiProblem,
  ApiResult,
  IfMatch,
  pageOf,
  setEtag,
  ValidBody,
  ValidParams,
  ValidQuery,
} from '@buqi/platform';
import { SiteParams } from '../use-cases/site-requests';
import { AddBuildingRequest } from '../use-cases/add-building/add-building.request';
import { AddBuilding } from '../use-cases/add-building/add-building.use-case';
import { AddZoneRequest } from '../use-cases/add-zone/add-zone.request';
import { AddZone } from '../use-cases/add-zone/add-zone.use-case';
import { GetSite } from '../use-cases/get-site/get-site.query';
import { ListSitesQuery } from '../use-cases/list-sites/list-sites.request';
import { ListSites } from '../use-cases/list-sites/list-sites.query';
import { RegisterSiteRequest } from '../use-cases/register-site/register-site.request';
import { RegisterSite } from '../use-cases/register-site/register-site.use-case';
import { ReviseSiteRequest } from '../use-cases/revise-site/revise-site.request';
import { ReviseSite } from '../use-cases/revise-site/revise-site.use-case';
import { SiteView, toSiteView } from './site.view';

const WRITERS = ['asset-manager', 'admin'] as const;

/** Sites and their zones: asset managers keep them, everyone signed in reads them. */
@ApiTags('sites')
@ApiBearerAuth()
@Controller('sites')
export class SitesController {
  constructor(
    private readonly registerSite: RegisterSite,
    private readonly reviseSite: ReviseSite,
    private readonly addZone: AddZone,
    private readonly addBuilding: AddBuilding,
    private readonly listSites: ListSites,
    private readonly getSite: GetSite,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Register a site (a compound such as 机关南院)' })
  @ApiResult(201, SiteView, 'The site, version 1 (also its ETag)')
  @ApiProblem(409, 'A site with this code exists')
  @ApiProblem(422, 'The plan’s measures do not hold together (named)')
  async register(
    @ValidBody(RegisterSiteRequest) body: RegisterSiteRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<SiteView> {
    const site = await this.registerSite.execute(body, caller);
    response.setHeader('Location', `/sites/${site.id}`);
    setEtag(response, site.version);
    return toSiteView(site);
  }

  @Get()
  @ApiOperation({ summary: 'Sites, a page at a time, filtered by kind and sorted' })
  @ApiResult(200, pageOf(SiteView), 'One page of sites')
  async list(@ValidQuery(ListSitesQuery) query: ListSitesQuery) {
    const page = await this.listSites.execute(query);
    return { ...page, items: page.items.map(toSiteView) };
  }

  @Get(':siteId')
  @ApiOperation({ summary: 'One site with its zones' })
  @ApiResult(200, SiteView, 'The site; its ETag is its version')
  @ApiProblem(404, 'No such site')
  async get(
    @ValidParams(SiteParams) params: Static<typeof SiteParams>,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<SiteView> {
    const site = await this.getSite.execute(params.siteId);
    setEtag(response, site.version);
    return toSiteView(site);
  }

  @Patch(':siteId')
  @Roles(...WRITERS)
  @ApiOperation({ summary: "Change a site's name, kind, address or plan (If-Match: the version you read)" })
  @ApiResult(200, SiteView, 'The site as changed')
  @ApiProblem(409, 'The site changed since you read it')
  @ApiProblem(422, 'The new plan would leave a zone outside it')
  @ApiProblem(428, 'If-Match is missing')
  async revise(
    @ValidParams(SiteParams) params: Static<typeof SiteParams>,
    @ValidBody(ReviseSiteRequest) body: ReviseSiteRequest,
    @IfMatch({ required: true }) version: number,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<SiteView> {
    const site = await this.reviseSite.execute(params.siteId, version, body, caller);
    setEtag(response, site.version);
    return toSiteView(site);
  }

  @Post(':siteId/zones')
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Add a zone, drawn on the site plan' })
  @ApiResult(201, SiteView, 'The site with its new zone')
  @ApiProblem(409, 'The site already has a zone with this code, or changed since the version in If-Match')
  @ApiProblem(422, 'The outline lies outside the plan, crosses itself or encloses nothing')
  async zone(
    @ValidParams(SiteParams) params: Static<typeof SiteParams>,
    @ValidBody(AddZoneRequest) body: AddZoneRequest,
    @IfMatch({ required: false }) version: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<SiteView> {
    const site = await this.addZone.execute(params.siteId, body, caller, version);
    setEtag(response, site.version);
    return toSiteView(site);
  }

  @Post(':siteId/buildings')
  @HttpCode(201)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Add a building or area of a site, in one of its zones' })
  @ApiResult(201, SiteView, 'The site with its new building')
  @ApiProblem(409, 'The site already has a building with this code, or changed since the version in If-Match')
  @ApiProblem(422, 'The zone is not the site’s, or the location lies outside its plan')
  async building(
    @ValidParams(SiteParams) params: Static<typeof SiteParams>,
    @ValidBody(AddBuildingRequest) body: AddBuildingRequest,
    @IfMatch({ required: false }) version: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<SiteView> {
    const site = await this.addBuilding.execute(params.siteId, body, caller, version);
    setEtag(response, site.version);
    return toSiteView(site);
  }
}

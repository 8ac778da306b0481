import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { SiteKind } from '@buqi/contracts';
import {
  ApiProblem,
  ApiResult,
  listQuerySchema,
  pageOf,
  toListRequest,
  ValidParams,
  ValidQuery,
} from '@buqi/platform';
import { KnownSiteRepository } from '../persistence/known-site.repository';
import type { KnownSite } from '../persistence/known-site.schema';

const LIST = { sortable: ['name', 'kind'], defaultSort: 'name', filters: { kind: SiteKind } } as const;
const ListQuery = listQuerySchema(LIST);
const Params = Type.Object(
  { siteId: Type.String({ pattern: '^[A-Z][A-Z0-9]{1,5}$' }) },
  { additionalProperties: false },
);

const SiteView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: SiteKind,
  zones: Type.Array(Type.Object({ zoneId: Type.String(), code: Type.String(), name: Type.String() })),
  buildings: Type.Array(
    Type.Object({
      buildingId: Type.String(),
      code: Type.String(),
      name: Type.String(),
      zoneId: Type.String(),
      importance: Type.Integer(),
    }),
  ),
  version: Type.Integer({ description: "The site's version in asset-inventory that this reflects" }),
  updatedAt: Type.String({ format: 'date-time' }),
});
type SiteView = Static<typeof SiteView>;

const view = (s: KnownSite): SiteView => ({
  id: s._id,
  name: s.name,
  kind: s.kind,
  zones: s.zones.map((z) => ({ zoneId: z.zoneId, code: z.code, name: z.name })),
  buildings: s.buildings.map((b) => ({
    buildingId: b.buildingId,
    code: b.code,
    name: b.name,
    zoneId: b.zoneId,
    importance: b.importance,
  })),
  version: s.version,
  updatedAt: s.updatedAt.toISOString(),
});

/** The sites and zones this service knows from asset-inventory: what caps per zone are set against. */
@ApiTags('sites')
@ApiBearerAuth()
@Controller('sites')
export class KnownSitesController {
  constructor(private readonly sites: KnownSiteRepository) {}

  @Get()
  @ApiOperation({ summary: 'Sites and their zones as asset-inventory last published them' })
  @ApiResult(200, pageOf(SiteView), 'One page of sites')
  async list(@ValidQuery(ListQuery) query: Static<typeof ListQuery>) {
    const page = await this.sites.list(toListRequest(query, LIST));
    return { ...page, items: page.items.map(view) };
  }

  @Get(':siteId')
  @ApiOperation({ summary: 'One site with its zones' })
  @ApiResult(200, SiteView, 'The site')
  @ApiProblem(404, 'No such site has been published')
  async get(@ValidParams(Params) params: Static<typeof Params>): Promise<SiteView> {
    return view(await this.sites.get(params.siteId));
  }
}

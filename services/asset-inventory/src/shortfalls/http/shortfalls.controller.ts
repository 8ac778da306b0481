import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { Roles } from '@buqi/auth';
import { ApiProblem, ApiResult, Closed, pageOf, ValidParams, ValidQuery } from '@buqi/platform';
import { CheckCoverage } from '../use-cases/check-coverage.use-case';
import { ListMaintenanceQuery, ListShortfallsQuery, ShortfallQueries } from '../use-cases/shortfall-queries';
import { MaintenanceView, ShortfallView, toMaintenanceView, toShortfallView } from './shortfall.view';

const ShortfallParams = Closed({ id: Type.String({ pattern: '^[A-Za-z0-9-]{1,160}$' }) });
const AssetParams = Closed({ code: Type.String({ pattern: '^[A-Z][A-Z0-9]{1,5}-[A-Z]{2}-\\d{3,6}$' }) });
const CoverageReport = Type.Object({ restroomsChecked: Type.Integer(), gaps: Type.Integer() });

/**
 * The campus's shortfalls (短板), as the rules found them from inspections, telemetry, silence and
 * missing monitoring; and each asset's maintenance history. Everyone signed in reads.
 */
@ApiTags('shortfalls')
@ApiBearerAuth()
@Controller()
export class ShortfallsController {
  constructor(
    private readonly queries: ShortfallQueries,
    private readonly coverage: CheckCoverage,
  ) {}

  @Get('shortfalls')
  @ApiOperation({
    summary:
      'Shortfalls, a page at a time: open ones by default first opened first; sort=-severityRank for the worst',
  })
  @ApiResult(200, pageOf(ShortfallView), 'One page of shortfalls')
  async shortfalls(@ValidQuery(ListShortfallsQuery) query: ListShortfallsQuery) {
    const page = await this.queries.list(query);
    return { ...page, items: page.items.map(toShortfallView) };
  }

  @Get('shortfalls/:id')
  @ApiOperation({ summary: 'One shortfall with its findings, evidence and history' })
  @ApiResult(200, ShortfallView, 'The shortfall')
  @ApiProblem(404, 'No such shortfall')
  async shortfall(
    @ValidParams(ShortfallParams) params: Static<typeof ShortfallParams>,
  ): Promise<ShortfallView> {
    return toShortfallView(await this.queries.get(params.id));
  }

  @Get('assets/:code/maintenance')
  @ApiOperation({ summary: "An asset's maintenance history: the completed work orders, newest first" })
  @ApiResult(200, pageOf(MaintenanceView), 'One page of maintenance records')
  async maintenance(
    @ValidParams(AssetParams) params: Static<typeof AssetParams>,
    @ValidQuery(ListMaintenanceQuery) query: ListMaintenanceQuery,
  ) {
    const page = await this.queries.maintenanceOf(params.code, query);
    return { ...page, items: page.items.map(toMaintenanceView) };
  }

  @Post('coverage-checks')
  @HttpCode(200)
  @Roles('asset-manager', 'admin')
  @ApiOperation({
    summary: 'Check every restroom for the monitoring it must have now, not at the next sweep',
  })
  @ApiResult(200, CoverageReport, 'How many restrooms were checked and how many lack monitoring')
  async checkCoverage(): Promise<Static<typeof CoverageReport>> {
    return this.coverage.execute();
  }
}

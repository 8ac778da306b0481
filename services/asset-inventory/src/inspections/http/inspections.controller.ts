import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { Caller, Roles } from '@buqi/auth';
import { ApiProblem, ApiResult, pageOf, ValidBody, ValidParams, ValidQuery } from '@buqi/platform';
import { AssetCode, AssetParams } from '../../assets/use-cases/asset-requests';
import { ConditionHistoryQuery } from '../use-cases/condition-history/condition-history.request';
import { GetConditionHistory } from '../use-cases/condition-history/condition-history.query';
import { GetInspection } from '../use-cases/get-inspection/get-inspection.query';
import { ListInspectionsQuery } from '../use-cases/list-inspections/list-inspections.request';
import { ListInspections } from '../use-cases/list-inspections/list-inspections.query';
import { RecordInspectionRequest } from '../use-cases/record-inspection/record-inspection.request';
import { RecordInspection } from '../use-cases/record-inspection/record-inspection.use-case';
import { ConditionView, toConditionView } from './condition.view';
import { InspectionView, RecordedInspectionView, toInspectionView } from './inspection.view';

const INSPECTORS = ['crew-member', 'supervisor', 'asset-manager', 'admin'] as const;

const InspectionParams = Type.Object(
  { code: AssetCode, id: Type.String({ pattern: '^insp-[0-9a-f]{16}$' }) },
  { additionalProperties: false },
);

/**
 * Inspections of an asset and the condition history they make: crews, supervisors and asset managers
 * inspect (the caller is the inspector); everyone signed in reads.
 */
@ApiTags('inspections')
@ApiBearerAuth()
@Controller('assets/:code')
export class InspectionsController {
  constructor(
    private readonly record: RecordInspection,
    private readonly list: ListInspections,
    private readonly getInspection: GetInspection,
    private readonly history: GetConditionHistory,
  ) {}

  @Post('inspections')
  @HttpCode(201)
  @Roles(...INSPECTORS)
  @ApiOperation({
    summary:
      'Record an inspection: a road segment’s pavement (by its method) and dust load, a restroom’s state, or a device’s calibration',
  })
  @ApiResult(201, RecordedInspectionView, 'The inspection with its condition index and factors')
  @ApiProblem(404, 'No such asset')
  @ApiProblem(409, 'The asset is retired, or kept changing while its condition was written')
  @ApiProblem(
    422,
    'A part of another class, a distress type of another method, a severity the type lacks, more area than the segment, a time in the future',
  )
  async inspect(
    @ValidParams(AssetParams) params: Static<typeof AssetParams>,
    @ValidBody(RecordInspectionRequest) body: RecordInspectionRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ) {
    const { inspection, becameLatest, asset } = await this.record.execute(params.code, body, caller);
    response.setHeader('Location', `/assets/${params.code}/inspections/${inspection.id}`);
    return { ...toInspectionView(inspection), becameLatest, assetVersion: asset.version };
  }

  @Get('inspections')
  @ApiOperation({ summary: 'An asset’s inspections, a page at a time, newest first, with their factors' })
  @ApiResult(200, pageOf(InspectionView), 'One page of inspections')
  @ApiProblem(404, 'No such asset')
  async inspections(
    @ValidParams(AssetParams) params: Static<typeof AssetParams>,
    @ValidQuery(ListInspectionsQuery) query: ListInspectionsQuery,
  ) {
    const page = await this.list.execute(params.code, query);
    return { ...page, items: page.items.map(toInspectionView) };
  }

  @Get('inspections/:id')
  @ApiOperation({ summary: 'One inspection of an asset' })
  @ApiResult(200, InspectionView, 'The inspection')
  @ApiProblem(404, 'No such inspection of this asset')
  async inspection(@ValidParams(InspectionParams) params: Static<typeof InspectionParams>) {
    return toInspectionView(await this.getInspection.execute(params.code, params.id));
  }

  @Get('condition')
  @ApiOperation({
    summary:
      'An asset’s latest condition, its assessments over a period (three years by default) and their trend',
  })
  @ApiResult(200, ConditionView, 'The series, oldest first, and its least-squares trend per year')
  @ApiProblem(404, 'No such asset')
  @ApiProblem(422, 'The period is empty or holds too many assessments')
  async condition(
    @ValidParams(AssetParams) params: Static<typeof AssetParams>,
    @ValidQuery(ConditionHistoryQuery) query: ConditionHistoryQuery,
    @Caller() caller: Caller,
  ): Promise<ConditionView> {
    return toConditionView(await this.history.execute(params.code, query, caller.now));
  }
}

import { Controller, Get, HttpCode, Post, Res, StreamableFile } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { AccessDeniedError, Caller, Roles } from '@buqi/auth';
import {
  ApiFile,
  ApiProblem,
  ApiResult,
  IfMatch,
  listQuerySchema,
  type Page,
  pageOf,
  setEtag,
  toListRequest,
  ValidBody,
  ValidParams,
  ValidQuery,
} from '@buqi/platform';
import { viewerOf } from '../../orders/use-cases/work-order-commands';
import { SettlementRepository } from '../persistence/settlement.repository';
import type { SettlementDocument } from '../persistence/settlement.schema';
import { ContractorSettlements, SETTLERS } from '../use-cases/contractor-settlements';
import {
  ComputeSettlementRequest,
  SETTLEMENT_LIST,
  SettlementParams,
} from '../use-cases/settlement-requests';
import { SettlementWorkbook } from '../use-cases/settlement-workbook';
import {
  SettlementSummaryView,
  SettlementView,
  toSettlementSummaryView,
  toSettlementView,
} from './settlement.view';

/** Who reads statements: finance and admins every one, a contractor its own. */
const READERS = [...SETTLERS, 'contractor'] as const;

const ListQuery = listQuerySchema(SETTLEMENT_LIST);
type ListQuery = Static<typeof ListQuery>;

function answer(s: SettlementDocument, response: ServerResponse): SettlementView {
  setEtag(response, s.version);
  return toSettlementView(s);
}

/**
 * Contractor settlement (标准就是购买服务的定价基础): monthly statements per contractor, each
 * verified order priced by its quota version less deductions for failed quality checks; finance
 * computes, reviews, approves once (then the statement is fixed) and exports to Excel.
 */
@ApiTags('settlements')
@ApiBearerAuth()
@Controller('settlements')
export class SettlementsController {
  constructor(
    private readonly settlements: SettlementRepository,
    private readonly settle: ContractorSettlements,
    private readonly workbook: SettlementWorkbook,
  ) {}

  @Post()
  @Roles(...SETTLERS)
  @ApiOperation({
    summary:
      'Compute a contractor’s statement for a month (Asia/Shanghai) as a draft, or recompute the draft',
  })
  @ApiResult(201, SettlementView, 'Computed: a new draft')
  @ApiResult(200, SettlementView, 'Recomputed: the draft with today’s orders, quotas and rules')
  @ApiProblem(409, 'Approved already: the statement is fixed')
  async compute(
    @ValidBody(ComputeSettlementRequest) body: ComputeSettlementRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<SettlementView> {
    const { statement, created } = await this.settle.compute(body, caller);
    response.statusCode = created ? 201 : 200;
    response.setHeader('Location', `/settlements/${statement._id}`);
    return answer(statement, response);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Statements, newest month first (a contractor: its own)' })
  @ApiResult(200, pageOf(SettlementSummaryView), 'One page of statements, without their lines')
  async list(
    @ValidQuery(ListQuery) query: ListQuery,
    @Caller() caller: Caller,
  ): Promise<Page<SettlementSummaryView>> {
    const viewer = viewerOf(caller);
    const all = viewer.roles.some((r) => (SETTLERS as readonly string[]).includes(r));
    if (!all && !viewer.contractor)
      throw new AccessDeniedError('a contractor’s token must name its company to read its statements');
    const page = await this.settlements.list(
      toListRequest(query, SETTLEMENT_LIST),
      all ? undefined : viewer.contractor,
    );
    return { ...page, items: page.items.map(toSettlementSummaryView) };
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A statement: its lines, deductions with reasons, unpriced orders, totals' })
  @ApiResult(200, SettlementView, 'The statement (its version is the ETag)')
  @ApiProblem(403, 'Another contractor’s')
  @ApiProblem(404, 'No such statement')
  async get(
    @ValidParams(SettlementParams) params: SettlementParams,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<SettlementView> {
    return answer(await this.settle.readable(params.id, caller), response);
  }

  @Post(':id/approval')
  @HttpCode(200)
  @Roles(...SETTLERS)
  @ApiOperation({
    summary: 'Approve the statement (If-Match: the version reviewed): it is fixed from then on',
  })
  @ApiResult(200, SettlementView, 'Approved')
  @ApiProblem(404, 'No such statement')
  @ApiProblem(409, 'Approved already, or recomputed since the version given')
  async approve(
    @ValidParams(SettlementParams) params: SettlementParams,
    @IfMatch({ required: false }) version: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<SettlementView> {
    return answer(await this.settle.approve(params.id, version, caller), response);
  }

  @Get(':id/export.xlsx')
  @Roles(...SETTLERS)
  @ApiOperation({ summary: 'A statement as an Excel workbook: summary, lines, deductions, unpriced orders' })
  @ApiFile('The workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiProblem(404, 'No such statement')
  async export(@ValidParams(SettlementParams) params: SettlementParams): Promise<StreamableFile> {
    const statement = await this.settlements.get(params.id);
    return new StreamableFile(await this.workbook.build(statement), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="${params.id}.xlsx"`,
    });
  }
}

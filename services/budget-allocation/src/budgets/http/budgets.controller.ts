import { Controller, Delete, Get, HttpCode, Post, Put, Res, StreamableFile } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from '@sinclair/typebox';
import { Caller, Roles } from '@buqi/auth';
import { ApiFile, ApiProblem, ApiResult, IfMatch, setEtag, ValidBody, ValidParams } from '@buqi/platform';
import { BudgetYearRepository } from '../persistence/budget-year.repository';
import {
  CommitmentParams,
  CommitRequest,
  OpenYearRequest,
  ReviseLimitsRequest,
  YearParams,
} from '../use-cases/budget-requests';
import { CommitFunds, OpenYear, ReleaseCommitment, ReviseLimits } from '../use-cases/budget-years.use-cases';
import { BudgetWorkbook } from '../use-cases/budget-workbook';
import { BudgetYearView, toBudgetYearView } from './budget-year.view';

/** Only finance changes budgets (and admins, who run the system). */
const FINANCE = ['finance', 'admin'] as const;
/** Who plans or answers for spending reads the position. */
const READERS = ['finance', 'asset-manager', 'department-head', 'supervisor', 'admin'] as const;

/** Fiscal years: envelopes by kind, caps by department and zone, and the money committed against them. */
@ApiTags('budgets')
@ApiBearerAuth()
@Controller('budgets')
export class BudgetsController {
  constructor(
    private readonly years: BudgetYearRepository,
    private readonly openYear: OpenYear,
    private readonly reviseLimits: ReviseLimits,
    private readonly commitFunds: CommitFunds,
    private readonly releaseCommitment: ReleaseCommitment,
    private readonly workbook: BudgetWorkbook,
  ) {}

  @Get(':fiscalYear/export.xlsx')
  @Roles(...READERS)
  @ApiOperation({ summary: "A year's position as an Excel workbook: envelopes, caps, commitments, actuals" })
  @ApiFile('The workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiProblem(404, 'No such year')
  async export(@ValidParams(YearParams) params: YearParams): Promise<StreamableFile> {
    return new StreamableFile(await this.workbook.build(params.fiscalYear), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="budget-${params.fiscalYear}.xlsx"`,
    });
  }

  @Post()
  @HttpCode(201)
  @Roles(...FINANCE)
  @ApiOperation({ summary: 'Open a fiscal year with its envelopes and caps (fen)' })
  @ApiResult(201, BudgetYearView, 'The year, version 1 (also its ETag)')
  @ApiProblem(409, 'The year is already open')
  async open(
    @ValidBody(OpenYearRequest) body: OpenYearRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<BudgetYearView> {
    const year = await this.openYear.execute(body, caller);
    response.setHeader('Location', `/budgets/${year.fiscalYear}`);
    setEtag(response, year.version);
    return toBudgetYearView(year);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Every fiscal year, newest first' })
  @ApiResult(200, Type.Object({ items: Type.Array(BudgetYearView) }), 'The years')
  async list(): Promise<{ items: BudgetYearView[] }> {
    return { items: (await this.years.list()).map(toBudgetYearView) };
  }

  @Get(':fiscalYear')
  @Roles(...READERS)
  @ApiOperation({ summary: "A fiscal year's position: limits, commitments and headroom" })
  @ApiResult(200, BudgetYearView, 'The year')
  @ApiProblem(404, 'No such year')
  async get(
    @ValidParams(YearParams) params: YearParams,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<BudgetYearView> {
    const year = await this.years.get(params.fiscalYear);
    setEtag(response, year.version);
    return toBudgetYearView(year);
  }

  @Put(':fiscalYear/limits')
  @Roles(...FINANCE)
  @ApiOperation({ summary: 'Revise envelopes or caps (If-Match: the version you read)' })
  @ApiResult(200, BudgetYearView, 'The year as revised')
  @ApiProblem(409, 'A limit below what is committed against it, or the year changed since you read it')
  @ApiProblem(428, 'If-Match is missing')
  async revise(
    @ValidParams(YearParams) params: YearParams,
    @ValidBody(ReviseLimitsRequest) body: ReviseLimitsRequest,
    @IfMatch({ required: true }) version: number,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<BudgetYearView> {
    const year = await this.reviseLimits.execute(params.fiscalYear, version, body, caller);
    setEtag(response, year.version);
    return toBudgetYearView(year);
  }

  @Post(':fiscalYear/commitments')
  @Roles(...FINANCE)
  @ApiOperation({
    summary: 'Commit money against an envelope and its department and zone caps, all or nothing',
  })
  @ApiResult(201, BudgetYearView, 'Committed: the year after it')
  @ApiResult(200, BudgetYearView, 'The same commitment was already made: nothing more committed')
  @ApiProblem(409, 'Not enough left in the envelope or a cap (named), or the id is taken by other terms')
  async commit(
    @ValidParams(YearParams) params: YearParams,
    @ValidBody(CommitRequest) body: CommitRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<BudgetYearView> {
    const { year, created } = await this.commitFunds.execute(params.fiscalYear, body, caller);
    response.statusCode = created ? 201 : 200;
    setEtag(response, year.version);
    return toBudgetYearView(year);
  }

  @Delete(':fiscalYear/commitments/:id')
  @Roles(...FINANCE)
  @ApiOperation({ summary: 'Release a commitment: its amount goes back to every limit it drew on' })
  @ApiResult(200, BudgetYearView, 'The year after the release')
  @ApiProblem(404, 'No such commitment')
  async release(
    @ValidParams(CommitmentParams) params: CommitmentParams,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<BudgetYearView> {
    const year = await this.releaseCommitment.execute(params.fiscalYear, params.id, caller);
    setEtag(response, year.version);
    return toBudgetYearView(year);
  }
}

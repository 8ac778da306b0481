import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { Caller, Roles } from '@buqi/auth';
import { NotFoundError } from '@buqi/domain-kernel';
import { ApiProblem, ApiResult, setEtag, ValidBody, ValidParams, ValidQuery } from '@buqi/platform';
import { inForce, unitPrice, type QuotaVersion } from '../domain/service-quota';
import { ServiceQuotaRepository, type StoredQuota } from '../persistence/service-quota.repository';
import {
  AddVersionRequest,
  DefineQuotaRequest,
  InForceQuery,
  QuotaParams,
} from '../use-cases/quota-requests';
import { AddQuotaVersion, DefineQuota } from '../use-cases/quota.use-cases';

/** Only finance or asset managers change quotas (and admins). */
const EDITORS = ['finance', 'asset-manager', 'admin'] as const;

const VersionView = Type.Object({
  version: Type.Integer(),
  name: Type.String(),
  unit: Type.String(),
  standardHoursPerUnit: Type.Number(),
  labourFenPerUnit: Type.Integer(),
  materialsFenPerUnit: Type.Integer(),
  unitPriceFen: Type.Integer({ description: 'Labour and materials per unit' }),
  quality: Type.Object({
    checklist: Type.Array(Type.String()),
    acceptance: Type.Array(Type.Object({ criterion: Type.String(), threshold: Type.String() })),
  }),
  effectiveFrom: Type.String({ format: 'date' }),
  effectiveTo: Type.Optional(Type.String({ format: 'date' })),
});
type VersionView = Static<typeof VersionView>;

const QuotaView = Type.Object({
  taskType: Type.String(),
  versions: Type.Array(VersionView, { description: 'Oldest first' }),
  version: Type.Integer({ description: 'The quota document’s version (ETag)' }),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.String(),
});
type QuotaView = Static<typeof QuotaView>;

const versionView = (v: QuotaVersion): VersionView => ({
  version: v.version,
  name: v.name,
  unit: v.unit,
  standardHoursPerUnit: v.standardHoursPerUnit,
  labourFenPerUnit: v.labourFenPerUnit,
  materialsFenPerUnit: v.materialsFenPerUnit,
  unitPriceFen: unitPrice(v),
  quality: { checklist: [...v.quality.checklist], acceptance: v.quality.acceptance.map((a) => ({ ...a })) },
  effectiveFrom: v.effectiveFrom,
  ...(v.effectiveTo && { effectiveTo: v.effectiveTo }),
});

const quotaView = (q: StoredQuota): QuotaView => ({
  taskType: q.taskType,
  versions: q.versions.map(versionView),
  version: q.version,
  updatedAt: q.updatedAt.toISOString(),
  updatedBy: q.updatedBy,
});

/** The service-quota catalogue (服务定额): workload standards, prices and quality standards, versioned. */
@ApiTags('quotas')
@ApiBearerAuth()
@Controller('quotas')
export class QuotasController {
  constructor(
    private readonly quotas: ServiceQuotaRepository,
    private readonly defineQuota: DefineQuota,
    private readonly addQuotaVersion: AddQuotaVersion,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...EDITORS)
  @ApiOperation({ summary: 'Add a task type with its first quota version' })
  @ApiResult(201, QuotaView, 'The quota, published on standards.service-quota.v1')
  @ApiProblem(409, 'The task type exists: add a version instead')
  @ApiProblem(422, 'A value the catalogue cannot take (named)')
  async define(
    @ValidBody(DefineQuotaRequest) body: DefineQuotaRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<QuotaView> {
    const quota = await this.defineQuota.execute(body, caller);
    response.setHeader('Location', `/quotas/${quota.taskType}`);
    setEtag(response, quota.version);
    return quotaView(quota);
  }

  @Post(':taskType/versions')
  @HttpCode(201)
  @Roles(...EDITORS)
  @ApiOperation({ summary: 'Add a version from a later day; the latest is closed the day it starts' })
  @ApiResult(201, QuotaView, 'The quota with its new version')
  @ApiProblem(404, 'No such task type')
  @ApiProblem(409, 'The quota changed meanwhile: read it and try again')
  @ApiProblem(422, 'The new version would overlap the latest (effectiveFrom not after its start)')
  async addVersion(
    @ValidParams(QuotaParams) params: QuotaParams,
    @ValidBody(AddVersionRequest) body: AddVersionRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<QuotaView> {
    const quota = await this.addQuotaVersion.execute(params.taskType, body, caller);
    setEtag(response, quota.version);
    return quotaView(quota);
  }

  @Get()
  @ApiOperation({ summary: 'The catalogue: every task type with its versions' })
  @ApiResult(200, Type.Object({ items: Type.Array(QuotaView) }), 'Every quota, by task type')
  async list(): Promise<{ items: QuotaView[] }> {
    return { items: (await this.quotas.list()).map(quotaView) };
  }

  @Get(':taskType')
  @ApiOperation({ summary: 'A task type’s quota, every version' })
  @ApiResult(200, QuotaView, 'The quota')
  @ApiProblem(404, 'No such task type')
  async get(@ValidParams(QuotaParams) params: QuotaParams): Promise<QuotaView> {
    return quotaView(await this.quotas.get(params.taskType));
  }

  @Get(':taskType/in-force')
  @ApiOperation({ summary: 'The version in force on a day (what an order funded that day is priced by)' })
  @ApiResult(200, VersionView, 'The version')
  @ApiProblem(404, 'No such task type, or none in force that day')
  async current(
    @ValidParams(QuotaParams) params: QuotaParams,
    @ValidQuery(InForceQuery) query: InForceQuery,
  ): Promise<VersionView> {
    const day = query.at ?? new Date().toISOString().slice(0, 10);
    const version = inForce(await this.quotas.get(params.taskType), day);
    if (!version) throw new NotFoundError('quota version in force', `${params.taskType}@${day}`);
    return versionView(version);
  }
}

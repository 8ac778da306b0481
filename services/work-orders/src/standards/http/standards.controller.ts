import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { ROLES, Roles } from '@buqi/auth';
import { NotFoundError } from '@buqi/domain-kernel';
import { add, fen } from '@buqi/domain-money';
import { ApiProblem, ApiResult, Closed, ValidParams } from '@buqi/platform';
import { inForceOn, shanghaiDay, type QuotaVersion } from '../domain/quota';
import { QuotaCatalogue } from '../quota-catalogue';

const VersionView = Type.Object({
  version: Type.Integer(),
  name: Type.String(),
  unit: Type.String(),
  standardHoursPerUnit: Type.Number(),
  labourFenPerUnit: Type.Integer(),
  materialsFenPerUnit: Type.Integer(),
  unitPriceFen: Type.Integer({ description: 'Labour and materials per unit, fen' }),
  quality: Type.Object({
    checklist: Type.Array(Type.String(), { description: 'What is checked when an order is closed' }),
    acceptance: Type.Array(Type.Object({ criterion: Type.String(), threshold: Type.String() })),
  }),
  effectiveFrom: Type.String({ format: 'date' }),
  effectiveTo: Type.Optional(Type.String({ format: 'date' })),
  publishedAt: Type.String({ format: 'date-time' }),
});
type VersionView = Static<typeof VersionView>;

const QuotaView = Type.Object({
  taskType: Type.String(),
  inForceToday: Type.Optional(
    Type.Integer({ description: 'The version in force today (Asia/Shanghai), if any' }),
  ),
  versions: Type.Array(VersionView, { description: 'Oldest first' }),
});
type QuotaView = Static<typeof QuotaView>;

const QuotaParams = Closed({ taskType: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$' }) });
type QuotaParams = Static<typeof QuotaParams>;

const versionView = (v: QuotaVersion): VersionView => ({
  version: v.version,
  name: v.name,
  unit: v.unit,
  standardHoursPerUnit: v.standardHoursPerUnit,
  labourFenPerUnit: v.labourFenPerUnit,
  materialsFenPerUnit: v.materialsFenPerUnit,
  unitPriceFen: add(fen(v.labourFenPerUnit), fen(v.materialsFenPerUnit)),
  quality: { checklist: [...v.quality.checklist], acceptance: v.quality.acceptance.map((a) => ({ ...a })) },
  effectiveFrom: v.effectiveFrom,
  ...(v.effectiveTo && { effectiveTo: v.effectiveTo }),
  publishedAt: new Date(v.publishedAt).toISOString(),
});

function quotaView(taskType: string, versions: readonly QuotaVersion[], today: string): QuotaView {
  const current = inForceOn(versions, today);
  return {
    taskType,
    ...(current && { inForceToday: current.version }),
    versions: versions.map(versionView),
  };
}

/**
 * The service-quota catalogue (服务定额) as published by budget-allocation: every version of each
 * task type, with its unit price and quality checklist. Read-only here; it is changed where it is
 * owned.
 */
@ApiTags('standards')
@ApiBearerAuth()
@Controller('standards/quotas')
export class StandardsController {
  constructor(private readonly catalogue: QuotaCatalogue) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Every task type with its quota versions' })
  @ApiResult(200, Type.Object({ items: Type.Array(QuotaView) }), 'By task type')
  async list(): Promise<{ items: QuotaView[] }> {
    const today = shanghaiDay(new Date());
    const byType = new Map<string, QuotaVersion[]>();
    for (const v of await this.catalogue.all())
      byType.set(v.taskType, [...(byType.get(v.taskType) ?? []), v]);
    return { items: [...byType].map(([taskType, versions]) => quotaView(taskType, versions, today)) };
  }

  @Get(':taskType')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'A task type’s quota versions, with the one in force today' })
  @ApiResult(200, QuotaView, 'The task type’s versions')
  @ApiProblem(404, 'No version of the task type has been published')
  async get(@ValidParams(QuotaParams) params: QuotaParams): Promise<QuotaView> {
    const versions = await this.catalogue.ofTaskType(params.taskType);
    if (versions.length === 0) throw new NotFoundError('service quota', params.taskType);
    return quotaView(params.taskType, versions, shanghaiDay(new Date()));
  }
}

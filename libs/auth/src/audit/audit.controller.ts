import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { ApiProblem, ApiResult, ValidQuery } from '@buqi/platform';
import { Roles } from '../http/roles.decorator';
import { AUDIT_LIST_MAX_LIMIT, AuditTrail } from './audit-trail';
import { AUDIT_OUTCOMES } from './audit-record';

const Text = (description: string) => Type.String({ minLength: 1, maxLength: 200, description });

const AuditListQuery = Type.Object(
  {
    page: Type.Integer({ minimum: 1, default: 1, description: 'Page number, from 1' }),
    pageSize: Type.Integer({ minimum: 1, maximum: AUDIT_LIST_MAX_LIMIT, default: 50, description: 'Records per page' }),
    actorId: Type.Optional(Text('Only what this user or device did')),
    resourceType: Type.Optional(Text("Only changes to this kind of thing, e.g. 'site'")),
    resourceId: Type.Optional(Text('Only changes to this one')),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'From this time (inclusive)' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Until this time (exclusive)' })),
  },
  { additionalProperties: false },
);

const AuditRecordSchema = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Object({
    kind: Type.String(),
    id: Type.String(),
    name: Type.Optional(Type.String()),
    roles: Type.Optional(Type.Array(Type.String())),
  }),
  action: Type.String(),
  resource: Type.Object({ type: Type.String(), id: Type.String() }),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
  outcome: Type.Union(AUDIT_OUTCOMES.map((o) => Type.Literal(o))),
  ip: Type.Optional(Type.String()),
  userAgent: Type.Optional(Type.String()),
  correlationId: Type.Optional(Type.String()),
});

const AuditPageSchema = Type.Object({
  items: Type.Array(AuditRecordSchema),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

/** The audit trail, newest first, for administrators (personal data already masked when recorded). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @ApiOperation({ summary: 'Who changed what, when and from where (kept at least 180 days)' })
  @ApiResult(200, AuditPageSchema, 'A page of audit records, newest first')
  @ApiProblem(403, 'Only administrators read the audit trail')
  async list(@ValidQuery(AuditListQuery) q: Static<typeof AuditListQuery>) {
    const { items, total } = await this.trail.list({
      ...(q.actorId && { actorId: q.actorId }),
      ...(q.resourceType && { resourceType: q.resourceType }),
      ...(q.resourceId && { resourceId: q.resourceId }),
      ...(q.from && { from: new Date(q.from) }),
      ...(q.to && { to: new Date(q.to) }),
      skip: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    });
    return { items, page: q.page, pageSize: q.pageSize, total };
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { Roles } from '@buqi/auth';
import {
  ApiProblem,
  ApiResult,
  Closed,
  listQuerySchema,
  Literals,
  pageOf,
  toListRequest,
  ValidParams,
  ValidQuery,
  type ListSpec,
  type Page,
} from '@buqi/platform';
import { CandidateRepository } from '../persistence/candidate.repository';
import type { CandidateDocument } from '../persistence/candidate.schema';

const READERS = ['finance', 'asset-manager', 'department-head', 'supervisor', 'admin'] as const;

const LIST = {
  sortable: ['riskScore', 'openedAt', 'detectedAt'],
  defaultSort: '-riskScore',
  filters: {
    status: Literals(['open', 'withdrawn'] as const),
    department: Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$' }),
    priority: Literals(['P1', 'P2', 'P3', 'P4'] as const),
    assetClass: Literals(['road-segment', 'restroom', 'monitoring-device'] as const),
    assetId: Type.String({ pattern: '^[A-Z][A-Z0-9-]{2,30}$' }),
  },
} as const satisfies ListSpec;
const ListQuery = listQuerySchema(LIST);
type ListQuery = Static<typeof ListQuery>;
const Params = Closed({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,120}$' }) });

const Option = Type.Object({
  option: Type.String(),
  taskType: Type.String(),
  description: Type.String(),
  quantity: Type.Optional(Type.Number()),
  unit: Type.Optional(Type.String()),
  quotaVersion: Type.Optional(Type.Integer()),
  unitPriceFen: Type.Optional(Type.Integer()),
  costFen: Type.Optional(Type.Integer()),
  standardHours: Type.Optional(Type.Number()),
  missing: Type.Optional(Type.String({ description: 'Why the option could not be costed' })),
});

const CandidateView = Type.Object({
  id: Type.String({ description: 'The shortfall opening it remedies' }),
  status: Type.String(),
  assetId: Type.String(),
  assetClass: Type.Optional(Type.String()),
  kind: Type.Optional(Type.String()),
  severity: Type.Optional(Type.String()),
  safetyCritical: Type.Optional(Type.Boolean()),
  department: Type.Optional(Type.String()),
  damage: Type.Optional(Type.Object({ quantity: Type.Number(), unit: Type.String() })),
  action: Type.Optional(Type.String()),
  evidence: Type.Optional(Type.Array(Type.String())),
  options: Type.Array(Option),
  risk: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), {
      description: 'Score, likelihood and consequence with factors',
    }),
  ),
  riskScore: Type.Optional(Type.Number()),
  priority: Type.Optional(Type.String()),
  openedAt: Type.Optional(Type.String({ format: 'date-time' })),
  detectedAt: Type.Optional(Type.String({ format: 'date-time' })),
  withdrawnAt: Type.Optional(Type.String({ format: 'date-time' })),
  resolution: Type.Optional(Type.String()),
  funding: Type.Optional(
    Type.Object({
      status: Type.String({ description: 'funded (by rule) or deferred' }),
      remediationId: Type.Optional(Type.String()),
      fiscalYear: Type.Optional(Type.Integer()),
      envelope: Type.Optional(Type.String()),
      amountFen: Type.Optional(Type.Integer()),
      option: Type.Optional(Type.String()),
      taskType: Type.Optional(Type.String()),
      quotaVersion: Type.Optional(Type.Integer()),
      reason: Type.Optional(
        Type.String({ description: 'awaits-plan, not-costed, insufficient-budget, no-budget-year' }),
      ),
      detail: Type.Optional(Type.String()),
      decidedAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
type CandidateView = Static<typeof CandidateView>;

const iso = (d: Date) => new Date(d).toISOString();

function view(c: CandidateDocument): CandidateView {
  const {
    _id,
    createdAt: _c,
    updatedAt: _u,
    version: _v,
    openedAt,
    detectedAt,
    withdrawnAt,
    options,
    funding,
    ...rest
  } = c;
  return {
    id: _id,
    ...rest,
    options: options ?? [],
    ...(openedAt && { openedAt: iso(openedAt) }),
    ...(detectedAt && { detectedAt: iso(detectedAt) }),
    ...(withdrawnAt && { withdrawnAt: iso(withdrawnAt) }),
    ...(funding && { funding: { ...funding, decidedAt: iso(funding.decidedAt) } }),
  };
}

/** Remediation candidates: one per shortfall opening, with costed options and its risk. */
@ApiTags('candidates')
@ApiBearerAuth()
@Controller('candidates')
export class CandidatesController {
  constructor(private readonly candidates: CandidateRepository) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Candidates, riskiest first by default, filtered by status, department, priority …',
  })
  @ApiResult(200, pageOf(CandidateView), 'One page of candidates')
  async list(@ValidQuery(ListQuery) query: ListQuery): Promise<Page<CandidateView>> {
    const page = await this.candidates.list(toListRequest(query, LIST));
    return { ...page, items: page.items.map(view) };
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A candidate with its options and the factors of its risk' })
  @ApiResult(200, CandidateView, 'The candidate')
  @ApiProblem(404, 'No candidate for this shortfall')
  async get(@ValidParams(Params) params: Static<typeof Params>): Promise<CandidateView> {
    return view(await this.candidates.get(params.id));
  }
}

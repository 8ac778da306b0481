import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { Caller, Roles } from '@buqi/auth';
import {
  ApiProblem,
  ApiResult,
  Closed,
  listQuerySchema,
  Literals,
  pageOf,
  toListRequest,
  ValidBody,
  ValidParams,
  ValidQuery,
  type ListSpec,
  type Page,
} from '@buqi/platform';
import type { PreventivePlanDocument } from '../persistence/preventive-plan.schema';
import { PreventivePlans, type Occurrence } from '../use-cases/preventive-plans';

const Code = Type.String({ pattern: '^[A-Z][A-Z0-9-]{2,30}$' });
const PlanRequest = Closed(
  {
    name: Type.String({ minLength: 2, maxLength: 100 }),
    department: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$' })),
    assetIds: Type.Array(Code, { minItems: 1, maxItems: 200, uniqueItems: true }),
    taskType: Type.String({ pattern: '^[a-z][a-z0-9-]{1,60}$' }),
    standardHours: Type.Number({ minimum: 0, maximum: 1_000 }),
    schedule: Closed({
      every: Literals(['day', 'week', 'month', 'year'] as const),
      interval: Type.Integer({ minimum: 1, maximum: 366 }),
      startDate: Type.String({ format: 'date', description: 'Local date (Beijing time)' }),
      time: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, Beijing time' }),
      workingDaysOnly: Type.Boolean({ description: 'Skip (daily) or move (others) occurrences on days off' }),
    }),
    windowHours: Type.Optional(
      Type.Number({ minimum: 1, maximum: 720, description: 'Due this long after its time (8)' }),
    ),
    leadDays: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 30, description: 'Generated this many days ahead (7)' }),
    ),
    footfallPerRound: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000,
        description:
          'By condition: visits a round serves; an asset gets ⌈footfall ÷ this⌉ rounds a day (1–8, two hours apart)',
      }),
    ),
    calibrationEveryDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 3_650,
        description:
          'By condition: each device is due this many days after its last calibration (else its installation); the schedule then gives only the start date, the time and whether days off are avoided',
      }),
    ),
    reason: Type.String({ minLength: 3, maxLength: 500 }),
  },
  'A recurring plan',
);
type PlanRequest = Static<typeof PlanRequest>;
const Params = Closed({ id: Type.String({ pattern: '^pm[a-f0-9]{8}$' }) });
type Params = Static<typeof Params>;
const NextQuery = Closed({ count: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })) });
type NextQuery = Static<typeof NextQuery>;

const PlanView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  department: Type.String(),
  assetIds: Type.Array(Type.String()),
  taskType: Type.String(),
  standardHours: Type.Number(),
  schedule: Type.Record(Type.String(), Type.Unknown()),
  windowHours: Type.Number(),
  leadDays: Type.Integer(),
  footfallPerRound: Type.Optional(Type.Integer()),
  calibrationEveryDays: Type.Optional(Type.Integer()),
  active: Type.Boolean(),
  reason: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
type PlanView = Static<typeof PlanView>;
const OccurrenceView = Type.Object({
  workOrderId: Type.String({ description: 'The id its work order has, or will have' }),
  assetId: Type.String(),
  date: Type.String({ format: 'date' }),
  at: Type.String({ format: 'date-time' }),
});

const view = (p: PreventivePlanDocument): PlanView => ({
  id: p._id,
  name: p.name,
  department: p.department,
  assetIds: p.assetIds,
  taskType: p.taskType,
  standardHours: p.standardHours,
  schedule: { ...p.schedule },
  windowHours: p.windowHours,
  leadDays: p.leadDays,
  ...(p.footfallPerRound && { footfallPerRound: p.footfallPerRound }),
  ...(p.calibrationEveryDays && { calibrationEveryDays: p.calibrationEveryDays }),
  active: p.active,
  reason: p.reason,
  createdBy: p.createdBy,
  createdAt: new Date(p.createdAt).toISOString(),
});

const LIST = {
  sortable: ['createdAt', 'name'],
  defaultSort: '-createdAt',
  filters: {
    department: Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$' }),
    taskType: Type.String({ pattern: '^[a-z][a-z0-9-]{1,60}$' }),
  },
} as const satisfies ListSpec;
const ListQuery = listQuerySchema(LIST);
type ListQuery = Static<typeof ListQuery>;

const READERS = [
  'supervisor',
  'department-head',
  'asset-manager',
  'admin',
  'crew-member',
  'contractor',
] as const;

/** Preventive maintenance plans and their next occurrences. */
@ApiTags('preventive')
@ApiBearerAuth()
@Controller('preventive-plans')
export class PreventivePlansController {
  constructor(private readonly plans: PreventivePlans) {}

  @Post()
  @HttpCode(201)
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'A recurring plan for your department; its first occurrences are generated at once',
  })
  @ApiResult(201, PlanView, 'The plan')
  @ApiProblem(403, 'Another department’s')
  @ApiProblem(422, 'A value the plan cannot use (footfall and calibration age together …), named')
  async create(@ValidBody(PlanRequest) body: PlanRequest, @Caller() caller: Caller): Promise<PlanView> {
    return view(await this.plans.create(body, caller));
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Preventive plans' })
  @ApiResult(200, pageOf(PlanView), 'One page of plans')
  async list(@ValidQuery(ListQuery) query: ListQuery): Promise<Page<PlanView>> {
    const page = await this.plans.list(toListRequest(query, LIST));
    return { ...page, items: page.items.map(view) };
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A plan' })
  @ApiResult(200, PlanView, 'The plan')
  @ApiProblem(404, 'No such plan')
  async get(@ValidParams(Params) params: Params): Promise<PlanView> {
    return view(await this.plans.get(params.id));
  }

  @Get(':id/occurrences')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The plan’s next occurrences, on the working calendar' })
  @ApiResult(200, Type.Object({ items: Type.Array(OccurrenceView) }), 'The next occurrences')
  @ApiProblem(404, 'No such plan')
  async next(
    @ValidParams(Params) params: Params,
    @ValidQuery(NextQuery) query: NextQuery,
  ): Promise<{ items: Occurrence[] }> {
    return { items: await this.plans.next(params.id, query.count ?? 10) };
  }
}

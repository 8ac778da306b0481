import { Controller, Get, HttpCode, Post, Put, Res, StreamableFile } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { AuditTrail, Caller, Roles } from '@buqi/auth';
import {
  ApiFile,
  ApiProblem,
  ApiResult,
  IfMatch,
  listQuerySchema,
  type ListSpec,
  Literals,
  type Page,
  pageOf,
  setEtag,
  toListRequest,
  ValidBody,
  ValidParams,
  ValidQuery,
} from '@buqi/platform';
import { PlanRepository } from '../persistence/plan.repository';
import { PLAN_STATUSES, type PlanDocument } from '../persistence/plan.schema';
import { ApprovePlan, RejectPlan } from '../use-cases/approve-plan.use-case';
import {
  ApproveRequest,
  PlanParams,
  PolicyRequest,
  ProposePlanRequest,
  RejectRequest,
  ReviseRequest,
} from '../use-cases/plan-requests';
import { PlanWorkbook } from '../use-cases/plan-workbook';
import { ProposePlan } from '../use-cases/propose-plan.use-case';
import { RevisePlan } from '../use-cases/revise-plan.use-case';
import {
  PlanSummaryView,
  PlanView,
  PolicyView,
  toPlanSummaryView,
  toPlanView,
  toPolicyView,
} from './plan.view';

/** Who plans investment: asset managers, and finance (admins run the system). */
const PLANNERS = ['asset-manager', 'finance', 'admin'] as const;
/** Who signs a step of the approval chain (the step's own role is checked against the policy). */
const SIGNERS = ['finance', 'department-head', 'leadership'] as const;
const READERS = ['finance', 'asset-manager', 'department-head', 'leadership', 'supervisor', 'admin'] as const;
const REVISERS = ['finance', 'admin'] as const;

const LIST = {
  sortable: ['createdAt', 'totalFen'],
  defaultSort: '-createdAt',
  filters: {
    status: Literals(PLAN_STATUSES),
    fiscalYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
  },
} as const satisfies ListSpec;
const ListQuery = listQuerySchema(LIST);
type ListQuery = Static<typeof ListQuery>;

function answer(plan: PlanDocument, response: ServerResponse): PlanView {
  setEtag(response, plan.version);
  return toPlanView(plan);
}

/**
 * Investment plans: solved as jobs over the candidates awaiting one, signed along the approval
 * chain, funded in one step at the last signature, and fixed from then on except by revisions.
 */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(
    private readonly plans: PlanRepository,
    private readonly propose: ProposePlan,
    private readonly approve: ApprovePlan,
    private readonly reject: RejectPlan,
    private readonly revise: RevisePlan,
    private readonly workbook: PlanWorkbook,
    private readonly audit: AuditTrail,
  ) {}

  @Get('approval-policy')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The approval chain: which roles sign a plan, in order, and from which total' })
  @ApiResult(200, PolicyView, 'The policy in force')
  async policy(): Promise<PolicyView> {
    return toPolicyView(await this.plans.policy());
  }

  @Put('approval-policy')
  @Roles('admin')
  @ApiOperation({ summary: 'Change the approval chain (admin); plans already proposed keep theirs' })
  @ApiResult(200, PolicyView, 'The policy now in force')
  async setPolicy(
    @ValidBody(PolicyRequest) body: PolicyRequest,
    @Caller() caller: Caller,
  ): Promise<PolicyView> {
    const before = await this.plans.policy();
    const saved = await this.plans.savePolicy(body.steps, body.reason, caller.actor.id, caller.now);
    await this.audit.record({
      actor: caller.principal,
      action: 'plan.approval-policy',
      resource: { type: 'approval-policy', id: saved._id },
      before: { steps: before.steps },
      after: { steps: body.steps, reason: body.reason },
      origin: caller.origin,
    });
    return toPolicyView(saved);
  }

  @Post()
  @HttpCode(202)
  @Roles(...PLANNERS)
  @ApiOperation({
    summary:
      'Solve a plan over the candidates awaiting one, within what the year has left (a job: poll the plan)',
  })
  @ApiResult(202, PlanView, 'Accepted: solving; GET it for progress (best objective and gap so far)')
  @ApiProblem(404, 'No such fiscal year')
  @ApiProblem(409, 'No candidate awaits a plan')
  @ApiProblem(422, 'A budget above what is available, a dependency cycle or an unknown candidate, named')
  async create(
    @ValidBody(ProposePlanRequest) body: ProposePlanRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<PlanView> {
    const plan = await this.propose.execute(body, caller);
    response.setHeader('Location', `/plans/${plan._id}`);
    return answer(plan, response);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Plans, newest first, by status and fiscal year' })
  @ApiResult(200, pageOf(PlanSummaryView), 'One page of plans')
  async list(@ValidQuery(ListQuery) query: ListQuery): Promise<Page<PlanSummaryView>> {
    const page = await this.plans.list(toListRequest(query, LIST));
    return { ...page, items: page.items.map(toPlanSummaryView) };
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A plan: progress while solving, then its items, approvals and revisions' })
  @ApiResult(200, PlanView, 'The plan (its version is the ETag)')
  @ApiProblem(404, 'No such plan')
  async get(
    @ValidParams(PlanParams) params: PlanParams,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<PlanView> {
    return answer(await this.plans.get(params.id), response);
  }

  @Get(':id/export.xlsx')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A plan as an Excel workbook: summary, items, approvals, revisions' })
  @ApiFile('The workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiProblem(404, 'No such plan')
  async export(@ValidParams(PlanParams) params: PlanParams): Promise<StreamableFile> {
    return new StreamableFile(await this.workbook.build(params.id), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="${params.id}.xlsx"`,
    });
  }

  @Post(':id/approvals')
  @HttpCode(200)
  @Roles(...SIGNERS)
  @ApiOperation({
    summary: 'Sign the next step of the approval chain; the last signature funds every item at once',
  })
  @ApiResult(200, PlanView, 'Signed (approved and funded after the last step)')
  @ApiProblem(403, 'The step is another role’s, or you signed an earlier step')
  @ApiProblem(404, 'No such plan')
  @ApiProblem(
    409,
    'The plan is not awaiting signatures (approved already, solving, rejected), or the year cannot hold it',
  )
  async sign(
    @ValidParams(PlanParams) params: PlanParams,
    @ValidBody(ApproveRequest) body: ApproveRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<PlanView> {
    return answer(await this.approve.execute(params.id, body, caller), response);
  }

  @Post(':id/rejection')
  @HttpCode(200)
  @Roles(...SIGNERS)
  @ApiOperation({ summary: 'Refuse the plan at your step: it is closed, with the reason' })
  @ApiResult(200, PlanView, 'Rejected')
  @ApiProblem(403, 'The next step is another role’s')
  @ApiProblem(404, 'No such plan')
  @ApiProblem(409, 'The plan is not awaiting signatures')
  async refuse(
    @ValidParams(PlanParams) params: PlanParams,
    @ValidBody(RejectRequest) body: RejectRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<PlanView> {
    return answer(await this.reject.execute(params.id, body, caller), response);
  }

  @Post(':id/revisions')
  @HttpCode(200)
  @Roles(...REVISERS)
  @ApiOperation({
    summary:
      'Revise an approved plan (If-Match): add or remove items, with the reason; recorded with the difference',
  })
  @ApiResult(200, PlanView, 'Revised')
  @ApiProblem(404, 'No such plan')
  @ApiProblem(409, 'Not approved, changed since you read it, or the year cannot hold what is added')
  @ApiProblem(422, 'An item that cannot be added or removed, named')
  @ApiProblem(428, 'If-Match is missing')
  async revision(
    @ValidParams(PlanParams) params: PlanParams,
    @ValidBody(ReviseRequest) body: ReviseRequest,
    @IfMatch({ required: true }) version: number,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<PlanView> {
    return answer(await this.revise.execute(params.id, version, body, caller), response);
  }
}

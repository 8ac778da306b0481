import { Controller, Get, HttpCode, Post, Req, Res, StreamableFile } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { ServerResponse } from 'node:http';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { Caller, Roles } from '@buqi/auth';
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
  readRawBody,
  setEtag,
  toListRequest,
  ValidBody,
  ValidParams,
  ValidQuery,
} from '@buqi/platform';
import { reachOf } from '../domain/access';
import { STATES } from '../domain/lifecycle';
import { PHOTO_LIMITS, PHOTO_TYPES } from '../evidence/photo';
import { WorkOrderRepository } from '../persistence/work-order.repository';
import type { WorkOrderDocument } from '../persistence/work-order.schema';
import { OpenWorkOrder } from '../use-cases/open-work-order';
import { viewerOf, WorkOrderCommands, type ActionInput } from '../use-cases/work-order-commands';
import {
  ActRequest,
  AssignRequest,
  CompleteRequest,
  CreateWorkOrderRequest,
  HoldRequest,
  ReasonRequest,
  VerifyRequest,
  PhotoParams,
  PriorityRequest,
  WorkOrderParams,
} from './work-order-requests';
import { toWorkOrderView, WorkOrderView } from './work-order.view';

/** Everyone who works with orders; what each sees is narrowed by role (crew: their own). */
const EVERYONE = [
  'crew-member',
  'contractor',
  'supervisor',
  'department-head',
  'asset-manager',
  'finance',
  'leadership',
  'admin',
] as const;
/** Who does the work, and who may also move it for them. */
const DOERS = ['crew-member', 'contractor', 'supervisor', 'admin'] as const;
const SUPERVISORS = ['supervisor', 'admin'] as const;

const LIST = {
  sortable: ['createdAt', 'due.resolveBy', 'priority'],
  defaultSort: 'due.resolveBy',
  filters: {
    state: Literals(STATES),
    priority: Literals(['P1', 'P2', 'P3', 'P4'] as const),
    department: Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$' }),
    assetId: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$' }),
    'assignee.id': Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$' }),
  },
} as const satisfies ListSpec;
const ListQuery = listQuerySchema(LIST);
type ListQuery = Static<typeof ListQuery>;

function answer(order: WorkOrderDocument, response: ServerResponse): WorkOrderView {
  setEtag(response, order.version);
  return toWorkOrderView(order);
}

/**
 * Work orders: opened from funded remediation or by supervisors, moved through their lifecycle by
 * the people who do and check the work, each move a 409 when the state machine does not allow it or
 * another move won the race.
 */
@ApiTags('work-orders')
@ApiBearerAuth()
@Controller('work-orders')
export class WorkOrdersController {
  constructor(
    private readonly orders: WorkOrderRepository,
    private readonly open: OpenWorkOrder,
    private readonly commands: WorkOrderCommands,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...SUPERVISORS)
  @ApiOperation({ summary: 'Open a work order by hand for your department' })
  @ApiResult(201, WorkOrderView, 'Opened, with its due times')
  @ApiProblem(403, 'Another department’s')
  async create(
    @ValidBody(CreateWorkOrderRequest) body: CreateWorkOrderRequest,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WorkOrderView> {
    const order = await this.open.byHand(body, caller);
    response.setHeader('Location', `/work-orders/${order._id}`);
    return answer(order, response);
  }

  @Get()
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'The orders you may see (crew: your own), soonest due first by default' })
  @ApiResult(200, pageOf(WorkOrderView), 'One page of orders')
  async list(
    @ValidQuery(ListQuery) query: ListQuery,
    @Caller() caller: Caller,
  ): Promise<Page<WorkOrderView>> {
    const page = await this.orders.list(reachOf(viewerOf(caller)), toListRequest(query, LIST));
    return { ...page, items: page.items.map(toWorkOrderView) };
  }

  @Get(':id')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'An order with its history, due times and escalations' })
  @ApiResult(200, WorkOrderView, 'The order (its version is the ETag)')
  @ApiProblem(403, 'Not yours, nor your department’s')
  @ApiProblem(404, 'No such order')
  async get(
    @ValidParams(WorkOrderParams) params: WorkOrderParams,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WorkOrderView> {
    return answer(await this.commands.visible(params.id, caller), response);
  }

  @Post(':id/priority')
  @HttpCode(200)
  @Roles(...SUPERVISORS)
  @ApiOperation({ summary: 'Change the priority, with the reason: the due times are counted again' })
  @ApiResult(200, WorkOrderView, 'With its new priority and due times')
  @ApiProblem(403, 'Not your department’s')
  @ApiProblem(409, 'Closed, or changed since you read it')
  async priority(
    @ValidParams(WorkOrderParams) p: WorkOrderParams,
    @ValidBody(PriorityRequest) body: PriorityRequest,
    @IfMatch({ required: false }) version: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WorkOrderView> {
    return answer(
      await this.commands.reprioritise(p.id, body.priority, body.reason, caller, version),
      response,
    );
  }

  @Post(':id/photos')
  @HttpCode(200)
  @Roles(...DOERS)
  @ApiOperation({
    summary: `Add a photo as evidence: the body is the image (JPEG, PNG or WebP, at most ${PHOTO_LIMITS.maxBytes / 1024 / 1024} MiB)`,
  })
  @ApiConsumes(...PHOTO_TYPES)
  @ApiResult(200, WorkOrderView, 'The order with the photo')
  @ApiProblem(403, 'Not assigned to you')
  @ApiProblem(409, 'Verified or cancelled, or it has the most photos an order may have')
  @ApiProblem(413, 'Larger than the limit')
  @ApiProblem(415, 'Not an image of those types, or not the type it was sent as')
  async addPhoto(
    @ValidParams(WorkOrderParams) p: WorkOrderParams,
    @Req() request: IncomingMessage,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WorkOrderView> {
    const { bytes, type } = await readRawBody(request, {
      limit: PHOTO_LIMITS.maxBytes,
      accept: PHOTO_TYPES,
      what: 'photo',
    });
    return answer(await this.commands.addPhoto(p.id, bytes, type, caller), response);
  }

  @Get(':id/photos/:photoId')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'A photo of an order you may see' })
  @ApiFile('The photo as it was taken', ...PHOTO_TYPES)
  @ApiProblem(403, 'Not yours, nor your department’s')
  @ApiProblem(404, 'No such photo')
  async photo(@ValidParams(PhotoParams) p: PhotoParams, @Caller() caller: Caller): Promise<StreamableFile> {
    const { bytes, type } = await this.commands.photo(p.id, p.photoId, caller);
    return new StreamableFile(bytes, { type });
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles(...SUPERVISORS)
  @ApiOperation({ summary: 'Assign (or reassign) to a crew, a contractor or a person' })
  @ApiResult(200, WorkOrderView, 'Assigned')
  @ApiProblem(403, 'Not your department’s')
  @ApiProblem(409, 'Not allowed from its state (named, with the actions allowed), or another move won')
  assign(
    @ValidParams(WorkOrderParams) p: WorkOrderParams,
    @ValidBody(AssignRequest) body: AssignRequest,
    @IfMatch({ required: false }) version: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WorkOrderView> {
    return this.act(p.id, { action: 'assign', ...body }, caller, version, response);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Roles(...DOERS)
  @ApiOperation({ summary: 'Start the work (the first start is the response)' })
  @ApiResult(200, WorkOrderView, 'In progress')
  @ApiProblem(403, 'Not assigned to you')
  @ApiProblem(409, 'Not allowed from its state, or another move won')
  start(
    @ValidParams(WorkOrderParams) p: WorkOrderParams,
    @ValidBody(ActRequest) body: ActRequest,
    @IfMatch({ required: false }) version: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WorkOrderView> {
    return this.act(p.id, { action: 'start', ...body }, caller, version, response);
  }

  @Post(':id/hold')
  @HttpCode(200)
  @Roles(...DOERS)
  @ApiOperation({ summary: 'Put on hold, with the reason: the resolution clock pauses' })
  @ApiResult(200, WorkOrderView, 'On hold')
  @ApiProblem(403, 'Not assigned to you')
  @ApiProblem(409, 'Not allowed from its state, or another move won')
  hold(
    @ValidParams(WorkOrderParams) p: WorkOrderParams,
    @ValidBody(HoldRequest) body: HoldRequest,
    @IfMatch({ required: false }) version: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WorkOrderView> {
    return this.act(p.id, { action: 'hold', ...body }, caller, version, response);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(...DOERS)
  @ApiOperation({ summary: 'Go on after a hold: the due time moves by the hold' })
  @ApiResult(200, WorkOrderView, 'Back where it was')
  @ApiProblem(403, 'Not assigned to you')
  @ApiProblem(409, 'Not on hold, or another move won')
  resume(
    @ValidParams(WorkOrderParams) p: WorkOrderParams,
    @ValidBody(ActRequest) body: ActRequest,
    @IfMatch({ required: false }) version: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WorkOrderView> {
    return this.act(p.id, { action: 'resume', ...body }, caller, version, response);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles(...DOERS)
  @ApiOperation({ summary: 'Complete with notes, hours, materials and the quality checklist' })
  @ApiResult(200, WorkOrderView, 'Completed: awaits verification')
  @ApiProblem(403, 'Not assigned to you')
  @ApiProblem(409, 'Not in progress, or another move won')
  complete(
    @ValidParams(WorkOrderParams) p: WorkOrderParams,
    @ValidBody(CompleteRequest) body: CompleteRequest,
    @IfMatch({ required: false }) version: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WorkOrderView> {
    const materials = body.materials ?? [];
    const closure = {
      notes: body.notes,
      labourHours: body.labourHours,
      materials,
      checklist: body.checklist ?? [],
      actualCostFen: body.actualCostFen ?? materials.reduce((sum, m) => sum + m.costFen, 0),
    };
    return this.act(
      p.id,
      { action: 'complete', closure, ...(body.actedAt && { actedAt: body.actedAt }) },
      caller,
      version,
      response,
    );
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Roles(...SUPERVISORS)
  @ApiOperation({ summary: 'Verify and rate: 良好 good, 优秀 excellent, 卓越 outstanding, 极致 perfect' })
  @ApiResult(200, WorkOrderView, 'Verified')
  @ApiProblem(403, 'Not your department’s')
  @ApiProblem(409, 'Not completed, or another move won')
  verify(
    @ValidParams(WorkOrderParams) p: WorkOrderParams,
    @ValidBody(VerifyRequest) body: VerifyRequest,
    @IfMatch({ required: false }) version: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WorkOrderView> {
    return this.act(p.id, { action: 'verify', ...body }, caller, version, response);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...SUPERVISORS)
  @ApiOperation({ summary: 'Reject the work, with the reason: it is reopened' })
  @ApiResult(200, WorkOrderView, 'Reopened')
  @ApiProblem(403, 'Not your department’s')
  @ApiProblem(409, 'Not completed, or another move won')
  reject(
    @ValidParams(WorkOrderParams) p: WorkOrderParams,
    @ValidBody(ReasonRequest) body: ReasonRequest,
    @IfMatch({ required: false }) version: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WorkOrderView> {
    return this.act(p.id, { action: 'reject', ...body }, caller, version, response);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...SUPERVISORS)
  @ApiOperation({ summary: 'Cancel, with the reason: funded work gives its money back' })
  @ApiResult(200, WorkOrderView, 'Cancelled')
  @ApiProblem(403, 'Not your department’s')
  @ApiProblem(409, 'Completed or final, or another move won')
  cancel(
    @ValidParams(WorkOrderParams) p: WorkOrderParams,
    @ValidBody(ReasonRequest) body: ReasonRequest,
    @IfMatch({ required: false }) version: number | undefined,
    @Caller() caller: Caller,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<WorkOrderView> {
    return this.act(p.id, { action: 'cancel', ...body }, caller, version, response);
  }

  private async act(
    id: string,
    input: ActionInput,
    caller: Caller,
    version: number | undefined,
    response: ServerResponse,
  ): Promise<WorkOrderView> {
    return answer(await this.commands.execute(id, input, caller, version), response);
  }
}

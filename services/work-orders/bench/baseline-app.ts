import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  Body,
  ConflictException,
  Controller,
  HttpCode,
  Inject,
  Module,
  NotFoundException,
  Param,
  Post,
  Res,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getModelToken, MongooseModule } from '@nestjs/mongoose';
import { Schema, type Model, type UpdateQuery } from 'mongoose';
import { TOPICS } from '@buqi/contracts';

/**
 * The floor the work-orders API is measured against: a bare NestJS app (Express, as the service)
 * with Mongoose on the same store, one POST route per step, each doing the writes the service does
 * for that step and nothing else. Creating inserts the order with its first history entry and one
 * outbox entry; each later step is one findOneAndUpdate guarded by the version the client sends,
 * setting the state, pushing a history entry and an outbox entry. The document has the service's
 * fields and indexes (so the store maintains the same indexes per write). No authentication,
 * request validation, audit record, escalation timer, event validation or outbox relay.
 *
 * Run as its own process by api.bench.ts, with MONGO_URL, MONGO_DB and HTTP_PORT; it prints
 * "baseline listening" once it takes requests.
 */

const ORDER_MODEL = 'BaselineWorkOrder';
const DEPARTMENT = 'general-affairs';
const ACTOR = { kind: 'user', id: 'u-bench-supervisor' } as const;

interface HistoryEntry {
  action: string;
  from: string | null;
  to: string;
  by: string;
  at: Date;
}

interface OutboxEntry {
  id: string;
  topic: string;
  key: string;
  value: string;
  at: Date;
}

interface OrderDocument {
  _id: string;
  source: string;
  assetId: string;
  department: string;
  priority: string;
  taskType: string;
  standardHours: number;
  title: string;
  state: string;
  heldFrom?: string;
  assignee?: { kind: string; id: string };
  holds: unknown[];
  respondedAt?: Date;
  resolvedAt?: Date;
  due: { respondBy: Date; resolveBy: Date; rule: string };
  escalations: unknown[];
  closure?: unknown;
  rating?: string;
  history: HistoryEntry[];
  createdBy: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  _outbox?: OutboxEntry[];
  _outboxDue?: Date;
}

const outboxEntrySchema = new Schema(
  {
    id: { type: String, required: true },
    topic: { type: String, required: true },
    key: { type: String, required: true },
    value: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { _id: false, strict: 'throw' },
);

const orderSchema = new Schema<OrderDocument>(
  {
    _id: { type: String, required: true },
    source: { type: String, required: true },
    assetId: { type: String, required: true },
    department: { type: String, required: true },
    priority: { type: String, required: true },
    taskType: { type: String, required: true },
    standardHours: { type: Number, required: true },
    title: { type: String, required: true },
    state: { type: String, required: true },
    heldFrom: String,
    assignee: { type: Schema.Types.Mixed },
    holds: { type: Schema.Types.Mixed, default: [] },
    respondedAt: Date,
    resolvedAt: Date,
    due: { type: Schema.Types.Mixed, required: true },
    escalations: { type: Schema.Types.Mixed, default: [] },
    closure: { type: Schema.Types.Mixed },
    rating: String,
    history: { type: Schema.Types.Mixed, default: [] },
    createdBy: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    _outbox: { type: [outboxEntrySchema], default: undefined },
    _outboxDue: Date,
  },
  { collection: 'work_orders', versionKey: false, strict: 'throw', minimize: false },
);
// The service's indexes on its orders (its own and the outbox relay's).
orderSchema.index({ state: 1, 'due.resolveBy': 1 });
orderSchema.index({ 'assignee.id': 1, state: 1 });
orderSchema.index({ department: 1, createdAt: -1 });
orderSchema.index({ _outboxDue: 1 });
orderSchema.index({ '_outboxParked.parkedAt': 1 });

/** An event as the outbox stores it: the JSON of an envelope shaped like the service's. */
function outboxEntry(
  topic: string,
  type: string,
  orderId: string,
  data: Record<string, unknown>,
  at: Date,
): OutboxEntry {
  const id = randomUUID();
  const envelope = {
    specVersion: 1,
    id,
    type,
    version: 1,
    source: 'work-orders',
    time: at.toISOString(),
    subject: orderId,
    correlationId: randomUUID(),
    actor: ACTOR,
    data,
  };
  return { id, topic, key: orderId, value: JSON.stringify(envelope), at };
}

interface CreateBody {
  title: string;
  assetId: string;
  priority: string;
  taskType: string;
  standardHours: number;
}

interface MoveBody {
  version: number;
  assignee?: { kind: string; id: string };
  notes?: string;
  labourHours?: number;
  materials?: unknown[];
  checklist?: unknown[];
  rating?: string;
}

interface Move {
  readonly from: string;
  readonly to: string;
  readonly topic: string;
  readonly type: string;
  set(body: MoveBody, now: Date): Record<string, unknown>;
  data(id: string, body: MoveBody, at: string): Record<string, unknown>;
}

const MOVES: Readonly<Record<string, Move>> = {
  assign: {
    from: 'new',
    to: 'assigned',
    topic: TOPICS.workOrderAssigned,
    type: 'workorder.assigned',
    set: (body) => ({ assignee: body.assignee }),
    data: (id, body, at) => ({
      workOrderId: id,
      assignee: body.assignee,
      assignedBy: ACTOR.id,
      assignedAt: at,
    }),
  },
  start: {
    from: 'assigned',
    to: 'in-progress',
    topic: TOPICS.workOrderStarted,
    type: 'workorder.started',
    set: (_body, now) => ({ respondedAt: now }),
    data: (id, _body, at) => ({ workOrderId: id, startedBy: ACTOR.id, startedAt: at }),
  },
  complete: {
    from: 'in-progress',
    to: 'completed',
    topic: TOPICS.workOrderCompleted,
    type: 'workorder.completed',
    set: (body, now) => ({
      closure: {
        notes: body.notes,
        labourHours: body.labourHours,
        materials: body.materials ?? [],
        checklist: body.checklist ?? [],
        actualCostFen: 0,
      },
      resolvedAt: now,
    }),
    data: (id, body, at) => ({
      workOrderId: id,
      assetId: 'NY-RR-003',
      completedBy: 'crew-roads-1',
      actualCostFen: 0,
      labourHours: body.labourHours,
      completedAt: at,
    }),
  },
  verify: {
    from: 'completed',
    to: 'verified',
    topic: TOPICS.workOrderVerified,
    type: 'workorder.verified',
    set: (body) => ({ rating: body.rating }),
    data: (id, body, at) => ({
      workOrderId: id,
      rating: body.rating,
      assignee: 'crew-roads-1',
      standardHours: 2,
      verifiedBy: ACTOR.id,
      verifiedAt: at,
    }),
  },
};

const HOUR_MS = 3_600_000;

@Controller('orders')
class BaselineOrdersController implements OnApplicationBootstrap {
  constructor(@Inject(getModelToken(ORDER_MODEL)) private readonly orders: Model<OrderDocument>) {}

  /** The indexes exist before the first request, as they do in the running service. */
  async onApplicationBootstrap(): Promise<void> {
    await this.orders.init();
  }

  @Post()
  @HttpCode(201)
  async create(
    @Body() body: CreateBody,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<{ id: string; version: number }> {
    const now = new Date();
    const id = `wo-${now.getUTCFullYear()}-${randomBytes(5).toString('hex')}`;
    const due = {
      respondBy: new Date(now.getTime() + 4 * HOUR_MS),
      resolveBy: new Date(now.getTime() + 72 * HOUR_MS),
      rule: 'baseline',
    };
    const event = outboxEntry(
      TOPICS.workOrderCreated,
      'workorder.created',
      id,
      {
        workOrderId: id,
        source: 'supervisor',
        assetId: body.assetId,
        department: DEPARTMENT,
        priority: body.priority,
        taskType: body.taskType,
        standardHours: body.standardHours,
        title: body.title,
        respondBy: due.respondBy.toISOString(),
        resolveBy: due.resolveBy.toISOString(),
        createdAt: now.toISOString(),
      },
      now,
    );
    await this.orders.create({
      _id: id,
      source: 'supervisor',
      assetId: body.assetId,
      department: DEPARTMENT,
      priority: body.priority,
      taskType: body.taskType,
      standardHours: body.standardHours,
      title: body.title,
      state: 'new',
      holds: [],
      due,
      escalations: [],
      history: [{ action: 'create', from: null, to: 'new', by: ACTOR.id, at: now }],
      createdBy: ACTOR.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
      _outbox: [event],
      _outboxDue: now,
    });
    response.setHeader('Location', `/orders/${id}`);
    return { id, version: 1 };
  }

  @Post(':id/:step')
  @HttpCode(200)
  async move(
    @Param('id') id: string,
    @Param('step') step: string,
    @Body() body: MoveBody,
  ): Promise<{ id: string; version: number; state: string }> {
    const move = MOVES[step];
    if (!move) throw new NotFoundException(`no step ${step}`);
    const now = new Date();
    const history: HistoryEntry = { action: step, from: move.from, to: move.to, by: ACTOR.id, at: now };
    const update: UpdateQuery<OrderDocument> = {
      $set: { state: move.to, updatedAt: now, ...move.set(body, now) },
      $unset: { heldFrom: '' },
      $push: {
        history,
        _outbox: {
          $each: [outboxEntry(move.topic, move.type, id, move.data(id, body, now.toISOString()), now)],
        },
      },
      $inc: { version: 1 },
      $min: { _outboxDue: now },
    };
    const after = await this.orders
      .findOneAndUpdate({ _id: id, version: body.version }, update, { new: true, runValidators: true })
      .lean<OrderDocument>();
    if (!after) throw new ConflictException(`order ${id} is not at version ${body.version}`);
    return { id, version: after.version, state: after.state };
  }
}

@Module({})
class BaselineModule {
  static register(mongoUrl: string, database: string): DynamicModule {
    return {
      module: BaselineModule,
      imports: [
        MongooseModule.forRoot(mongoUrl, { dbName: database, serverSelectionTimeoutMS: 10_000 }),
        MongooseModule.forFeature([{ name: ORDER_MODEL, schema: orderSchema }]),
      ],
      controllers: [BaselineOrdersController],
    };
  }
}

async function main(): Promise<void> {
  const mongoUrl = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27217/';
  const database = process.env['MONGO_DB'] ?? 'buqi_bench_baseline';
  const port = Number(process.env['HTTP_PORT'] ?? 3199);
  const app = await NestFactory.create(BaselineModule.register(mongoUrl, database), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  app.enableShutdownHooks();
  await app.listen(port, '127.0.0.1');
  console.log(`baseline listening on http://127.0.0.1:${port}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { Controller, Get, HttpCode, Optional, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';
import { NotFoundError } from '@buqi/domain-kernel';
import { AuditTrail, CurrentPrincipal, Origin, Roles, type Principal, type RequestOrigin } from '@buqi/auth';
import { ApiProblem, ApiResult, ValidBody, ValidQuery } from '@buqi/platform';
import { DeadLetterRedriver } from '../consumer/dead-letter-redriver';
import { EventConsumer } from '../consumer/event-consumer';
import { OutboxRelay } from '../outbox/outbox-relay';

const Topic = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[a-z0-9.-]+\\.v[0-9]+$',
  description: 'e.g. shortfall.detected.v2',
});
const DeadLettersQuery = Type.Object({ topic: Topic }, { additionalProperties: false });
const RedriveDeadLetters = Type.Object({ topic: Topic }, { additionalProperties: false });
const RedriveParked = Type.Object(
  {
    entryIds: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
        minItems: 1,
        maxItems: 1000,
        description: 'Only these entries (event ids); all parked entries when absent',
      }),
    ),
  },
  { additionalProperties: false },
);

const OutboxStatus = Type.Object({
  pending: Type.Integer({ description: 'Events waiting to be published' }),
  parked: Type.Integer({ description: 'Entries parked after repeated failures' }),
  oldestDueAgeMs: Type.Integer({ description: 'How long the oldest due event has waited' }),
  lastRoundAt: Type.Optional(Type.String({ format: 'date-time' })),
  lastError: Type.Optional(Type.Object({ message: Type.String(), at: Type.String({ format: 'date-time' }) })),
  countedAt: Type.String({ format: 'date-time' }),
});
const ParkedEntry = Type.Object({
  collection: Type.String(),
  documentId: Type.String(),
  entryId: Type.String(),
  topic: Type.String(),
  key: Type.String(),
  attempts: Type.Integer(),
  error: Type.String(),
  parkedAt: Type.String({ format: 'date-time' }),
});
const DeadLetter = Type.Object({
  offset: Type.String(),
  key: Type.Optional(Type.String()),
  eventId: Type.Optional(Type.String()),
  eventType: Type.Optional(Type.String()),
  error: Type.Optional(Type.String()),
  errorClass: Type.Optional(Type.String()),
  attempts: Type.Optional(Type.Integer()),
  failedAt: Type.Optional(Type.String()),
  redriveCount: Type.Integer(),
  redriven: Type.Boolean({ description: 'Already published back by an earlier re-drive' }),
});

/**
 * What an operator needs when events do not flow: the outbox backlog, parked entries and dead
 * letters, and the re-drives that send them again once the cause is fixed. Administrators only;
 * every re-drive is audited.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class MessagingAdminController {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
    private readonly redriver: DeadLetterRedriver,
    @Optional() private readonly audit?: AuditTrail,
  ) {}

  @Get('outbox')
  @ApiOperation({ summary: 'The outbox backlog: pending and parked events, the oldest wait' })
  @ApiResult(200, OutboxStatus, 'Backlog figures (counted at most every few seconds)')
  status() {
    return this.relay.status();
  }

  @Get('outbox/parked')
  @ApiOperation({ summary: 'Outbox entries parked after repeated publish failures, oldest first' })
  @ApiResult(200, Type.Array(ParkedEntry), 'Parked entries with the last error of each')
  parked() {
    return this.relay.listParked();
  }

  @Post('outbox/parked/redrive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Queue parked entries for publishing again, after the cause is fixed' })
  @ApiResult(200, Type.Object({ moved: Type.Integer() }), 'How many entries went back into their outboxes')
  async redriveParked(
    @ValidBody(RedriveParked) body: Static<typeof RedriveParked>,
    @CurrentPrincipal() principal: Principal,
    @Origin() origin: RequestOrigin,
  ) {
    const moved = await this.relay.redriveParked(body.entryIds);
    await this.audit?.record({
      actor: principal,
      action: 'outbox.redrive-parked',
      resource: { type: 'outbox', id: body.entryIds?.join(',').slice(0, 200) ?? 'all' },
      after: { moved },
      origin,
    });
    return { moved };
  }

  @Get('dead-letters')
  @ApiOperation({ summary: "This service's dead letters of a topic it consumes, with the error of each" })
  @ApiResult(200, Type.Array(DeadLetter), 'Dead letters, oldest first')
  @ApiProblem(404, 'The service does not consume that topic')
  deadLetters(@ValidQuery(DeadLettersQuery) q: Static<typeof DeadLettersQuery>) {
    return this.redriver.list(this.consumed(q.topic));
  }

  @Post('dead-letters/redrive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the dead letters of a topic back to it, after the cause is fixed' })
  @ApiResult(
    200,
    Type.Object({ topic: Type.String(), redriven: Type.Integer(), skipped: Type.Integer() }),
    'How many were sent again (dead letters of other services are skipped)',
  )
  @ApiProblem(404, 'The service does not consume that topic')
  async redriveDeadLetters(
    @ValidBody(RedriveDeadLetters) body: Static<typeof RedriveDeadLetters>,
    @CurrentPrincipal() principal: Principal,
    @Origin() origin: RequestOrigin,
  ) {
    const result = await this.redriver.redrive(this.consumed(body.topic));
    await this.audit?.record({
      actor: principal,
      action: 'dead-letters.redrive',
      resource: { type: 'topic', id: body.topic },
      after: result,
      origin,
    });
    return result;
  }

  private consumed(topic: string): string {
    if (!this.consumer.topics.includes(topic)) throw new NotFoundError('consumed topic', topic);
    return topic;
  }
}

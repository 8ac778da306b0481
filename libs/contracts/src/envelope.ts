import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const ActorSchema = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('user'),
      Type.Literal('device'),
      Type.Literal('service'),
      Type.Literal('system'),
    ]),
    id: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type Actor = Static<typeof ActorSchema>;

/**
 * Every event travels in this envelope. The payload schema is per event type and version;
 * the envelope itself is versioned by `specVersion` and changes only additively.
 */
export function envelopeSchema<P extends TSchema>(type: string, version: number, data: P) {
  return Type.Object(
    {
      specVersion: Type.Literal(1),
      id: Type.String({ format: 'uuid' }),
      type: Type.Literal(type),
      version: Type.Literal(version),
      source: Type.String({ minLength: 1, maxLength: 100 }),
      time: Type.String({ format: 'date-time' }),
      subject: Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Partition key: the aggregate the event is about',
      }),
      correlationId: Type.String({ minLength: 1, maxLength: 200 }),
      causationId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      actor: ActorSchema,
      traceparent: Type.Optional(
        Type.String({ pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' }),
      ),
      tracestate: Type.Optional(Type.String({ maxLength: 512 })),
      data,
    },
    { additionalProperties: false },
  );
}

export interface EventEnvelope<D = unknown, T extends string = string> {
  specVersion: 1;
  id: string;
  type: T;
  version: number;
  source: string;
  time: string;
  subject: string;
  correlationId: string;
  causationId?: string;
  actor: Actor;
  traceparent?: string;
  tracestate?: string;
  data: D;
}

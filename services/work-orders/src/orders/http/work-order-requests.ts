import { Fen } from '@buqi/contracts';
import { Type, type Static } from '@sinclair/typebox';
import { Closed, Literals } from '@buqi/platform';
import { RATINGS } from '../domain/lifecycle';

const Reason = Type.String({ minLength: 3, maxLength: 500, description: 'Why: kept in the order’s history' });
const ActedAt = Type.Optional(
  Type.String({
    format: 'date-time',
    description:
      'When the person acted (an app without signal queues it); the SLA counts when the server got it',
  }),
);
const Priority = Literals(['P1', 'P2', 'P3', 'P4'] as const, 'P1 urgent … P4 planned');
const Code = (description: string) =>
  Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$', description });

export const CreateWorkOrderRequest = Closed(
  {
    title: Type.String({ minLength: 2, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    assetId: Code('The asset the work is on, e.g. NY-RR-003'),
    department: Type.Optional(
      Type.String({
        pattern: '^[a-z][a-z0-9-]{1,39}$',
        description: 'Defaults to your own (admins may name another)',
      }),
    ),
    zoneId: Type.Optional(Type.String({ pattern: '^[A-Z][A-Z0-9]{1,5}-[A-Z0-9]{1,10}$' })),
    priority: Priority,
    taskType: Type.String({
      pattern: '^[a-z][a-z0-9-]{1,60}$',
      description: 'A task type of the quota catalogue',
    }),
    standardHours: Type.Number({ minimum: 0, maximum: 10_000 }),
    chargeTo: Type.Optional(
      Literals(
        ['maintenance', 'capital', 'emergency-reserve'] as const,
        'The envelope it is charged to (maintenance)',
      ),
    ),
  },
  'A work order opened by hand',
);
export type CreateWorkOrderRequest = Static<typeof CreateWorkOrderRequest>;

export const AssignRequest = Closed(
  {
    assignee: Closed({
      kind: Literals(['crew', 'contractor', 'person'] as const),
      id: Code('The crew, contractor or person'),
    }),
    reason: Type.Optional(Reason),
  },
  'Who does the work',
);
export type AssignRequest = Static<typeof AssignRequest>;

export const ActRequest = Closed({ actedAt: ActedAt }, 'Start or resume');
export type ActRequest = Static<typeof ActRequest>;

export const HoldRequest = Closed({ reason: Reason, actedAt: ActedAt }, 'A hold, with the reason');
export type HoldRequest = Static<typeof HoldRequest>;

export const CompleteRequest = Closed(
  {
    notes: Type.String({ minLength: 1, maxLength: 2000 }),
    labourHours: Type.Number({ minimum: 0, maximum: 1_000 }),
    materials: Type.Array(
      Closed({
        name: Type.String({ minLength: 1, maxLength: 100 }),
        quantity: Type.Number({ minimum: 0, maximum: 1e6 }),
        unit: Type.String({ minLength: 1, maxLength: 20 }),
        costFen: Fen('What it cost, fen'),
      }),
      { maxItems: 100, default: [] },
    ),
    checklist: Type.Array(
      Closed({ item: Type.String({ minLength: 1, maxLength: 200 }), passed: Type.Boolean() }),
      {
        maxItems: 50,
        default: [],
      },
    ),
    actualCostFen: Type.Optional(
      Fen('The total, fen; by default labour is not priced and this is the materials’ sum'),
    ),
    actedAt: ActedAt,
  },
  'What was done: notes, hours, materials and the quality checklist',
);
export type CompleteRequest = Static<typeof CompleteRequest>;

export const VerifyRequest = Closed(
  {
    rating: Literals(
      RATINGS,
      'The four-level rating: good 良好, excellent 优秀, outstanding 卓越, perfect 极致',
    ),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
  },
  'Verification and rating',
);
export type VerifyRequest = Static<typeof VerifyRequest>;

export const ReasonRequest = Closed({ reason: Reason }, 'A rejection or a cancellation, with the reason');
export type ReasonRequest = Static<typeof ReasonRequest>;

export const WorkOrderParams = Closed({ id: Code('Work order id') });
export type WorkOrderParams = Static<typeof WorkOrderParams>;

export const PhotoParams = Closed({
  id: Code('Work order id'),
  photoId: Type.String({ pattern: '^[a-f0-9]{64}$' }),
});
export type PhotoParams = Static<typeof PhotoParams>;

export const PriorityRequest = Closed(
  { priority: Priority, reason: Reason },
  'A new priority, with the reason',
);
export type PriorityRequest = Static<typeof PriorityRequest>;

import { Type, type Static } from '@sinclair/typebox';
import { allowedActions } from '../domain/lifecycle';
import type { WorkOrderDocument } from '../persistence/work-order.schema';

const When = Type.String({ format: 'date-time' });

export const WorkOrderView = Type.Object({
  id: Type.String(),
  source: Type.String({ description: 'remediation, request, supervisor or preventive' }),
  remediationId: Type.Optional(Type.String()),
  fiscalYear: Type.Optional(Type.Integer()),
  shortfallId: Type.Optional(Type.String()),
  assetId: Type.String(),
  department: Type.String(),
  zoneId: Type.Optional(Type.String()),
  priority: Type.String(),
  taskType: Type.String(),
  quotaVersion: Type.Optional(Type.Integer()),
  quantity: Type.Optional(Type.Number()),
  unit: Type.Optional(Type.String()),
  standardHours: Type.Number(),
  fundedFen: Type.Optional(Type.Integer()),
  chargeTo: Type.Optional(Type.String()),
  title: Type.String(),
  description: Type.Optional(Type.String()),
  state: Type.String(),
  allowed: Type.Array(Type.String(), { description: 'The actions the state machine allows now' }),
  heldFrom: Type.Optional(Type.String()),
  assignee: Type.Optional(Type.Object({ kind: Type.String(), id: Type.String() })),
  holds: Type.Array(Type.Object({ from: When, to: Type.Optional(When), reason: Type.String() })),
  respondedAt: Type.Optional(When),
  resolvedAt: Type.Optional(When),
  due: Type.Object({
    respondBy: When,
    resolveBy: When,
    rule: Type.String(),
    provisional: Type.Optional(
      Type.Boolean({ description: 'Counted on weekdays over a year whose holidays are not entered yet' }),
    ),
    provisionalYears: Type.Optional(Type.Array(Type.Integer())),
  }),
  escalations: Type.Array(
    Type.Object({
      stepId: Type.String(),
      notify: Type.String(),
      dueAt: When,
      at: When,
      recipients: Type.Array(Type.String()),
    }),
  ),
  closure: Type.Optional(
    Type.Object({
      notes: Type.String(),
      labourHours: Type.Number(),
      materials: Type.Array(
        Type.Object({
          name: Type.String(),
          quantity: Type.Number(),
          unit: Type.String(),
          costFen: Type.Integer(),
        }),
      ),
      actualCostFen: Type.Integer(),
      checklist: Type.Array(Type.Object({ item: Type.String(), passed: Type.Boolean() })),
    }),
  ),
  photos: Type.Array(
    Type.Object({
      id: Type.String({ description: 'SHA-256 of the photo: GET /work-orders/{id}/photos/{photoId}' }),
      type: Type.String(),
      size: Type.Integer(),
      by: Type.String(),
      at: When,
    }),
  ),
  rating: Type.Optional(Type.String()),
  history: Type.Array(
    Type.Object({
      action: Type.String(),
      from: Type.Union([Type.String(), Type.Null()]),
      to: Type.String(),
      by: Type.String(),
      at: When,
      reason: Type.Optional(Type.String()),
      actedAt: Type.Optional(When),
    }),
  ),
  correlationId: Type.Optional(Type.String({ description: 'Follows the shortfall’s story across services' })),
  createdBy: Type.String(),
  version: Type.Integer({ description: 'Also the ETag' }),
  createdAt: When,
  updatedAt: When,
});
export type WorkOrderView = Static<typeof WorkOrderView>;

const iso = (d: Date | string) => new Date(d).toISOString();

export function toWorkOrderView(o: WorkOrderDocument): WorkOrderView {
  const {
    _id,
    holds,
    respondedAt,
    resolvedAt,
    due,
    escalations,
    history,
    photos,
    createdAt,
    updatedAt,
    ...rest
  } = o;
  return {
    id: _id,
    ...rest,
    allowed: allowedActions(o.state),
    holds: holds.map((h) => ({ from: iso(h.from), ...(h.to && { to: iso(h.to) }), reason: h.reason })),
    ...(respondedAt && { respondedAt: iso(respondedAt) }),
    ...(resolvedAt && { resolvedAt: iso(resolvedAt) }),
    due: { ...due, respondBy: iso(due.respondBy), resolveBy: iso(due.resolveBy) },
    photos: (photos ?? []).map((p) => ({ ...p, at: iso(p.at) })),
    escalations: escalations.map((e) => ({ ...e, dueAt: iso(e.dueAt), at: iso(e.at) })),
    history: history.map(({ actedAt, at, ...h }) => ({
      ...h,
      at: iso(at),
      ...(actedAt && { actedAt: iso(actedAt) }),
    })),
    createdAt: iso(createdAt),
    updatedAt: iso(updatedAt),
  };
}

import { Type, type Static } from '@sinclair/typebox';
import { SEVERITIES, SHORTFALL_KINDS } from '@buqi/domain-shortfalls';
import { Literals } from '@buqi/platform';
import { ASSET_CLASSES } from '../../assets/domain/asset';
import { SHORTFALL_STATUSES } from '../domain/shortfall';
import type { MaintenanceRecord } from '../persistence/maintenance.repository';
import type { StoredShortfall } from '../persistence/shortfall-book';

const Time = Type.String({ format: 'date-time' });
const Damage = Type.Object({ quantity: Type.Number(), unit: Type.String() });

/** A shortfall as the API shows it: what falls short, how badly, why, and where it is in its life. */
export const ShortfallView = Type.Object({
  id: Type.String({
    description: 'This opening of the shortfall; a new opening after resolution gets a new id',
  }),
  assetId: Type.String(),
  assetClass: Literals(ASSET_CLASSES),
  siteId: Type.String(),
  department: Type.String(),
  kind: Literals(SHORTFALL_KINDS),
  status: Literals(SHORTFALL_STATUSES),
  severity: Literals(SEVERITIES),
  safetyCritical: Type.Boolean(),
  evidence: Type.Array(Type.String()),
  conditionIndex: Type.Optional(Type.Number()),
  damage: Type.Optional(Damage),
  action: Type.Optional(Type.String()),
  findings: Type.Array(
    Type.Object({
      rule: Type.String({
        description: 'condition, dust-load, sensor:<metric>@<device>, offline, coverage:<device kind>',
      }),
      severity: Literals(SEVERITIES),
      safetyCritical: Type.Boolean(),
      evidence: Type.Array(Type.String()),
      conditionIndex: Type.Optional(Type.Number()),
      damage: Type.Optional(Damage),
      action: Type.Optional(Type.String()),
      at: Time,
    }),
    { description: 'The rules of its kind firing now; once resolved, the last to clear' },
  ),
  openedAt: Time,
  lastDetectedAt: Time,
  resolvedAt: Type.Optional(Time),
  resolution: Type.Optional(Literals(['repaired', 'cleared-by-reading', 'withdrawn'] as const)),
  workOrderId: Type.Optional(Type.String()),
  history: Type.Array(Type.Object({ at: Time, event: Type.String(), note: Type.String() })),
  version: Type.Integer(),
});
export type ShortfallView = Static<typeof ShortfallView>;

export function toShortfallView(s: StoredShortfall): ShortfallView {
  const iso = (d: Date) => d.toISOString();
  return {
    id: s.id,
    assetId: s.assetId,
    assetClass: s.assetClass as ShortfallView['assetClass'],
    siteId: s.siteId,
    department: s.department,
    kind: s.kind,
    status: s.status,
    severity: s.severity,
    safetyCritical: s.safetyCritical,
    evidence: [...s.evidence],
    ...(s.conditionIndex !== undefined && { conditionIndex: s.conditionIndex }),
    ...(s.damage && { damage: { quantity: s.damage.quantity, unit: s.damage.unit } }),
    ...(s.action && { action: s.action }),
    findings: s.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      safetyCritical: f.safetyCritical,
      evidence: [...f.evidence],
      ...(f.conditionIndex !== undefined && { conditionIndex: f.conditionIndex }),
      ...(f.damage && { damage: { quantity: f.damage.quantity, unit: f.damage.unit } }),
      ...(f.action && { action: f.action }),
      at: iso(f.at),
    })),
    openedAt: iso(s.openedAt),
    lastDetectedAt: iso(s.lastDetectedAt),
    ...(s.resolvedAt && { resolvedAt: iso(s.resolvedAt) }),
    ...(s.resolution && { resolution: s.resolution }),
    ...(s.workOrderId && { workOrderId: s.workOrderId }),
    history: s.history.map((h) => ({ at: iso(h.at), event: h.event, note: h.note })),
    version: s.version,
  };
}

export const MaintenanceView = Type.Object({
  workOrderId: Type.String(),
  assetId: Type.String(),
  completedBy: Type.String(),
  actualCostFen: Type.Integer(),
  labourHours: Type.Number(),
  completedAt: Time,
  shortfallIds: Type.Array(Type.String(), {
    description: 'The shortfalls it moved to awaiting verification',
  }),
  remediationId: Type.Optional(Type.String()),
  recordedAt: Time,
});
export type MaintenanceView = Static<typeof MaintenanceView>;

export function toMaintenanceView(r: MaintenanceRecord): MaintenanceView {
  return {
    workOrderId: r.workOrderId,
    assetId: r.assetId,
    completedBy: r.completedBy,
    actualCostFen: r.actualCostFen,
    labourHours: r.labourHours,
    completedAt: r.completedAt.toISOString(),
    shortfallIds: [...r.shortfallIds],
    ...(r.remediationId && { remediationId: r.remediationId }),
    recordedAt: r.recordedAt.toISOString(),
  };
}

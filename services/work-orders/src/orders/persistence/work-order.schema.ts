import { Schema } from 'mongoose';
import { aggregatePlugin } from '@buqi/messaging';
import type { Rating, State } from '../domain/lifecycle';
import { STATES } from '../domain/lifecycle';

export type Source = 'remediation' | 'request' | 'supervisor' | 'preventive';
export type AssigneeKind = 'crew' | 'contractor' | 'person';

/** One recorded move: who did what, when and why. */
export interface Transition {
  action: string;
  from: State | null;
  to: State;
  by: string;
  at: Date;
  reason?: string;
  /** When the person says they acted (an app offline queues it), beside `at`, when the server got it. */
  actedAt?: Date;
}

export interface Closure {
  notes: string;
  labourHours: number;
  materials: { name: string; quantity: number; unit: string; costFen: number }[];
  actualCostFen: number;
  checklist: { item: string; passed: boolean }[];
}

export interface WorkOrderDocument {
  _id: string;
  source: Source;
  remediationId?: string;
  fiscalYear?: number;
  shortfallId?: string;
  assetId: string;
  department: string;
  zoneId?: string;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  taskType: string;
  quotaVersion?: number;
  quantity?: number;
  unit?: string;
  standardHours: number;
  /** What the funding committed, fen (funded work only). */
  fundedFen?: number;
  /** The envelope unfunded work is charged to when it completes (maintenance when absent). */
  chargeTo?: 'maintenance' | 'capital' | 'emergency-reserve';
  title: string;
  description?: string;
  /** A planned order's due date (a preventive occurrence): the P4 `planned` rule counts to it. */
  plannedAt?: Date;
  /** The preventive plan that generated it. */
  planId?: string;
  state: State;
  heldFrom?: State;
  assignee?: { kind: AssigneeKind; id: string };
  holds: { from: Date; to?: Date; reason: string }[];
  respondedAt?: Date;
  resolvedAt?: Date;
  /** Provisional when counted over a year whose holidays are not entered yet (recomputed when they are). */
  due: { respondBy: Date; resolveBy: Date; rule: string; provisional?: boolean; provisionalYears?: number[] };
  escalations: { stepId: string; notify: string; dueAt: Date; at: Date; recipients: string[] }[];
  closure?: Closure;
  /** Photos taken as evidence (kept by the evidence store under `<orderId>/<id>`). */
  photos: { id: string; type: string; size: number; by: string; at: Date }[];
  rating?: Rating;
  history: Transition[];
  /** The correlation id of the event or request that opened it: the shortfall's story across services. */
  correlationId?: string;
  createdBy: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const WORK_ORDER_MODEL = 'WorkOrder';

export const workOrderSchema = new Schema<WorkOrderDocument>(
  {
    _id: { type: String, required: true },
    source: { type: String, required: true, enum: ['remediation', 'request', 'supervisor', 'preventive'] },
    remediationId: String,
    fiscalYear: Number,
    shortfallId: String,
    assetId: { type: String, required: true },
    department: { type: String, required: true },
    zoneId: String,
    priority: { type: String, required: true, enum: ['P1', 'P2', 'P3', 'P4'] },
    taskType: { type: String, required: true },
    quotaVersion: Number,
    quantity: Number,
    unit: String,
    standardHours: { type: Number, required: true },
    fundedFen: Number,
    chargeTo: String,
    title: { type: String, required: true },
    description: String,
    plannedAt: Date,
    planId: String,
    state: { type: String, required: true, enum: STATES },
    heldFrom: { type: String, enum: STATES },
    assignee: { type: Schema.Types.Mixed },
    holds: { type: Schema.Types.Mixed, default: [] },
    respondedAt: Date,
    resolvedAt: Date,
    due: { type: Schema.Types.Mixed, required: true },
    escalations: { type: Schema.Types.Mixed, default: [] },
    closure: { type: Schema.Types.Mixed },
    photos: { type: Schema.Types.Mixed, default: [] },
    rating: String,
    history: { type: Schema.Types.Mixed, default: [] },
    correlationId: String,
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'work_orders', versionKey: false, strict: 'throw', minimize: false },
);
workOrderSchema.index({ state: 1, 'due.resolveBy': 1 });
workOrderSchema.index({ 'assignee.id': 1, state: 1 });
workOrderSchema.index({ department: 1, createdAt: -1 });
workOrderSchema.plugin(aggregatePlugin);

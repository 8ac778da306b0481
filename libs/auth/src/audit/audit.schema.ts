import { Schema } from 'mongoose';
import { ROLES } from '../identity/roles';
import { AUDIT_OUTCOMES } from './audit-record';

export const AUDIT_COLLECTION = 'audit_log';
export const AUDIT_MODEL = 'AuditRecord';

/** The stored shape (`_id` is an ObjectId). */
export interface AuditDocument {
  at: Date;
  actor: { kind: string; id: string; name?: string; roles?: string[] };
  action: string;
  resource: { type: string; id: string };
  before?: unknown;
  after?: unknown;
  outcome: string;
  ip?: string;
  userAgent?: string;
  correlationId?: string;
}

const actorSchema = new Schema(
  {
    kind: { type: String, required: true, enum: ['user', 'device', 'service', 'system'] },
    id: { type: String, required: true },
    name: { type: String },
    roles: { type: [{ type: String, enum: ROLES }], default: undefined },
  },
  { _id: false, id: false },
);

const resourceSchema = new Schema(
  // A path named "type" has to be declared as { type: { type: String } }.
  { type: { type: String, required: true }, id: { type: String, required: true } },
  { _id: false, id: false },
);

export const auditSchema = new Schema<AuditDocument>(
  {
    at: { type: Date, required: true },
    actor: { type: actorSchema, required: true },
    action: { type: String, required: true },
    resource: { type: resourceSchema, required: true },
    before: { type: Schema.Types.Mixed },
    after: { type: Schema.Types.Mixed },
    outcome: { type: String, required: true, enum: AUDIT_OUTCOMES },
    ip: { type: String },
    userAgent: { type: String },
    correlationId: { type: String },
  },
  { collection: AUDIT_COLLECTION, versionKey: false, strict: 'throw' },
);

// What list() filters and sorts by (newest first), and what the retention purge scans.
auditSchema.index({ at: -1 });
auditSchema.index({ 'actor.id': 1, at: -1 });
auditSchema.index({ 'resource.type': 1, 'resource.id': 1, at: -1 });

// Append-only: the trail is written once and only the retention purge (deleteMany) removes lines.
const refuse = () => {
  throw new Error(`${AUDIT_COLLECTION} is append-only: records are never changed or deleted one by one`);
};
auditSchema.pre(
  ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace', 'findOneAndDelete'],
  refuse,
);
auditSchema.pre('deleteOne', { document: true, query: true }, refuse);
auditSchema.pre('save', function (this: { isNew: boolean }) {
  if (!this.isNew) refuse();
});

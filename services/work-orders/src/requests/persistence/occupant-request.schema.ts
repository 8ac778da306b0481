import { Schema } from 'mongoose';

/**
 * What an occupant reported without an account, beside the work order it opened: the SHA-256 of
 * the tracking token (the token itself is shown once, in the tracking link), the phone number if
 * given (shown whole only to a supervisor of the order's department, masked everywhere else), and
 * the reporter's rating of the fix.
 */
export interface OccupantRequestDocument {
  _id: string;
  workOrderId: string;
  trackingHash: string;
  assetId: string;
  category: string;
  description: string;
  phone?: string;
  feedback?: { rating: number; comment?: string; at: Date };
  createdAt: Date;
}

export const OCCUPANT_REQUEST_MODEL = 'OccupantRequest';

export const occupantRequestSchema = new Schema<OccupantRequestDocument>(
  {
    _id: { type: String, required: true },
    workOrderId: { type: String, required: true },
    trackingHash: { type: String, required: true },
    assetId: { type: String, required: true },
    category: { type: String, required: true },
    description: { type: String, required: true },
    phone: String,
    feedback: { type: Schema.Types.Mixed },
    createdAt: { type: Date, required: true },
  },
  { collection: 'occupant_requests', versionKey: false, strict: 'throw' },
);
occupantRequestSchema.index({ trackingHash: 1 }, { unique: true });
occupantRequestSchema.index({ workOrderId: 1 }, { unique: true });

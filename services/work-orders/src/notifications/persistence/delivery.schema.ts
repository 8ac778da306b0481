import { Schema } from 'mongoose';
import { CHANNELS, type ChannelName } from '../domain/notification';

/** pending (to send, or being retried) → sent, or failed once its tries ran out or a refusal was final. */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A recipient as the delivery keeps it: a group delivery keeps every recipient of the notification. */
export interface DeliveryRecipient {
  userId: string;
  name?: string;
  email?: string;
}

/**
 * One message of a notification by one channel to one recipient (a group channel's recipient is
 * "group"): its content, for the job that sends it, and what became of it.
 */
export interface DeliveryDocument {
  _id: string;
  notificationId: string;
  channel: ChannelName;
  recipient: string;
  to: DeliveryRecipient[];
  subject: string;
  body: string;
  link?: string;
  status: DeliveryStatus;
  attempts: number;
  /** The last failure, as a sentence naming the channel's answer; never a URL or a secret. */
  lastError?: string;
  createdAt: Date;
  updatedAt: Date;
  sentAt?: Date;
  failedAt?: Date;
}

export const DELIVERY_MODEL = 'NotificationDelivery';

export const deliverySchema = new Schema<DeliveryDocument>(
  {
    _id: { type: String, required: true },
    notificationId: { type: String, required: true },
    channel: { type: String, required: true, enum: CHANNELS },
    recipient: { type: String, required: true },
    to: { type: Schema.Types.Mixed, required: true },
    subject: { type: String, required: true },
    body: { type: String, required: true },
    link: String,
    status: { type: String, required: true, enum: DELIVERY_STATUSES },
    attempts: { type: Number, required: true, default: 0 },
    lastError: String,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    sentAt: Date,
    failedAt: Date,
  },
  { collection: 'notification_deliveries', versionKey: false, strict: 'throw' },
);
deliverySchema.index({ notificationId: 1 });
deliverySchema.index({ status: 1, createdAt: 1 });

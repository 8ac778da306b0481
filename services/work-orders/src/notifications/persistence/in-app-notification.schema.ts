import { Schema } from 'mongoose';

/** A notification in one user's in-app inbox: its id is the in-app delivery's. */
export interface InAppNotificationDocument {
  _id: string;
  notificationId: string;
  userId: string;
  subject: string;
  body: string;
  link?: string;
  read: boolean;
  readAt?: Date;
  createdAt: Date;
}

export const IN_APP_NOTIFICATION_MODEL = 'InAppNotification';

export const inAppNotificationSchema = new Schema<InAppNotificationDocument>(
  {
    _id: { type: String, required: true },
    notificationId: { type: String, required: true },
    userId: { type: String, required: true },
    subject: { type: String, required: true },
    body: { type: String, required: true },
    link: String,
    read: { type: Boolean, required: true, default: false },
    readAt: Date,
    createdAt: { type: Date, required: true },
  },
  { collection: 'notifications', versionKey: false, strict: 'throw' },
);
// A user's inbox, newest first, optionally unread only.
inAppNotificationSchema.index({ userId: 1, createdAt: -1, _id: -1 });
inAppNotificationSchema.index({ userId: 1, read: 1, createdAt: -1, _id: -1 });

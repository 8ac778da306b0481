import { Type, type Static } from '@sinclair/typebox';
import type { InAppNotificationDocument } from '../persistence/in-app-notification.schema';

const When = Type.String({ format: 'date-time' });

export const NotificationView = Type.Object({
  id: Type.String({ description: 'This notification in your inbox (for POST /notifications/{id}/read)' }),
  notificationId: Type.String({
    description: 'The notification it belongs to (the same for every recipient)',
  }),
  subject: Type.String(),
  body: Type.String(),
  link: Type.Optional(Type.String({ description: 'Where to act on it' })),
  read: Type.Boolean(),
  readAt: Type.Optional(When),
  createdAt: When,
});
export type NotificationView = Static<typeof NotificationView>;

export function toNotificationView(n: InAppNotificationDocument): NotificationView {
  return {
    id: n._id,
    notificationId: n.notificationId,
    subject: n.subject,
    body: n.body,
    ...(n.link !== undefined && { link: n.link }),
    read: n.read,
    ...(n.readAt && { readAt: n.readAt.toISOString() }),
    createdAt: n.createdAt.toISOString(),
  };
}

import type { DeliveryDocument } from '../persistence/delivery.schema';
import type { InAppNotificationRepository } from '../persistence/in-app-notification.repository';
import type { InAppNotificationDocument } from '../persistence/in-app-notification.schema';
import { DeliveryError, type DeliveryChannel } from './channel';

/** The in-app inbox: every recipient, always on. Storing it twice changes nothing. */
export class InAppChannel implements DeliveryChannel {
  readonly name = 'in-app';
  readonly audience = 'person';

  constructor(private readonly inbox: InAppNotificationRepository) {}

  reaches(): boolean {
    return true;
  }

  async send(d: DeliveryDocument): Promise<void> {
    try {
      await this.inbox.deliver(inboxEntry(d));
    } catch (err) {
      // A database error names the operation, not the notification's text.
      const why = err instanceof Error ? err.message.slice(0, 200) : 'unknown error';
      throw new DeliveryError(`in-app: could not store it (${why})`);
    }
  }
}

function inboxEntry(d: DeliveryDocument): InAppNotificationDocument {
  return {
    _id: d._id,
    notificationId: d.notificationId,
    userId: d.recipient,
    subject: d.subject,
    body: d.body,
    ...(d.link !== undefined && { link: d.link }),
    read: false,
    createdAt: d.createdAt,
  };
}

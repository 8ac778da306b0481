import type { ChannelName, Notification } from './domain/notification';
import type { DeliveryStatus } from './persistence/delivery.schema';

export type { Notification, Recipient } from './domain/notification';

/** What notify recorded: each delivery as it stands (a repeat shows the earlier ones' progress). */
export interface NotifyReceipt {
  readonly notificationId: string;
  readonly deliveries: readonly {
    readonly id: string;
    readonly channel: ChannelName;
    /** A userId, or "group" for a group robot. */
    readonly recipient: string;
    readonly status: DeliveryStatus;
  }[];
}

/**
 * The notification port: tells people something in the app, by e-mail and in the configured group
 * chats (企业微信, 钉钉). Inject it as `Notifier` (NotificationsModule exports it).
 *
 * notify records one delivery per channel and recipient and schedules each as a job, retried with
 * backoff; it never waits for a send, so a channel that is down never holds the caller back. It is
 * idempotent on the notification's id: a repeat records and sends nothing that was recorded before.
 * Throws DomainValidationError for a notification it cannot take (no recipients, an empty subject).
 */
export abstract class Notifier {
  abstract notify(notification: Notification): Promise<NotifyReceipt>;
}

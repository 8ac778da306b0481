import { Inject, Injectable } from '@nestjs/common';
import { JobName, JobScheduler, NotificationQueue } from '@buqi/jobs';
import type { Logger } from '@buqi/observability';
import { PLATFORM_CONFIG, PLATFORM_LOGGER } from '@buqi/platform';
import type { ServiceConfig } from '../config';
import { NotificationChannels } from './channels/notification-channels';
import {
  GROUP,
  planDeliveries,
  validateNotification,
  type Notification,
  type Recipient,
} from './domain/notification';
import { Notifier, type NotifyReceipt } from './notifier';
import { DeliveryRepository } from './persistence/delivery.repository';
import type { DeliveryDocument, DeliveryRecipient } from './persistence/delivery.schema';

/** The job that sends a delivery: one per delivery, so a repeat schedules nothing new. */
export const deliveryJobId = (deliveryId: string): string => `ntf.${deliveryId}`;

/** The Notifier: records the deliveries, then schedules their jobs. */
@Injectable()
export class NotificationDispatcher extends Notifier {
  private readonly log: Logger;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly channels: NotificationChannels,
    private readonly jobs: JobScheduler,
    @Inject(PLATFORM_CONFIG) private readonly config: ServiceConfig,
    @Inject(PLATFORM_LOGGER) logger: Logger,
  ) {
    super();
    this.log = logger.child({ component: 'notifications' });
  }

  async notify(n: Notification): Promise<NotifyReceipt> {
    validateNotification(n);
    const now = new Date();
    const byUser = new Map(n.recipients.map((r) => [r.userId, r]));
    const planned = planDeliveries(n, this.channels.all);
    const stored = await this.deliveries.record(
      planned.map(
        (p): DeliveryDocument => ({
          _id: p.id,
          notificationId: n.id,
          channel: p.channel,
          recipient: p.recipient,
          to: p.recipient === GROUP ? n.recipients.map(keep) : [keep(byUser.get(p.recipient) as Recipient)],
          subject: n.subject,
          body: n.body,
          ...(n.link !== undefined && { link: n.link }),
          status: 'pending',
          attempts: 0,
          createdAt: now,
          updatedAt: now,
        }),
      ),
    );
    // Pending ones are scheduled again on a repeat: a no-op while their job is in Redis, and the
    // remedy when a crash came between recording and scheduling.
    const pending = stored.filter((d) => d.status === 'pending');
    await Promise.all(
      pending.map((d) =>
        this.jobs.schedule(
          NotificationQueue,
          JobName.DeliverNotification,
          { deliveryId: d._id },
          {
            jobId: deliveryJobId(d._id),
            attempts: this.config.NOTIFY_ATTEMPTS,
            backoff: { type: 'exponential', delay: this.config.NOTIFY_RETRY_DELAY },
          },
        ),
      ),
    );
    this.log.info(
      {
        notificationId: n.id,
        deliveries: stored.length,
        pending: pending.length,
        channels: [...new Set(stored.map((d) => d.channel))],
      },
      'notification recorded',
    );
    return {
      notificationId: n.id,
      deliveries: stored.map((d) => ({
        id: d._id,
        channel: d.channel,
        recipient: d.recipient,
        status: d.status,
      })),
    };
  }
}

function keep(r: Recipient): DeliveryRecipient {
  return {
    userId: r.userId,
    ...(r.name !== undefined && { name: r.name }),
    ...(r.email !== undefined && { email: r.email }),
  };
}

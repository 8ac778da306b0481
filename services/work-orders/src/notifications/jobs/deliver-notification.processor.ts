import { Inject, Injectable } from '@nestjs/common';
import { JobName, JobProcessor, NotificationQueue, type JobContext } from '@buqi/jobs';
import type { Logger } from '@buqi/observability';
import { PLATFORM_LOGGER } from '@buqi/platform';
import { DeliveryError } from '../channels/channel';
import { NotificationChannels } from '../channels/notification-channels';
import { DeliveryRepository } from '../persistence/delivery.repository';

/**
 * Sends one delivery. A failed try is recorded (attempts, the error) and thrown, so BullMQ tries
 * again after the backoff; the last try, or a refusal that no retry can change, ends the delivery
 * `failed`. A delivery no longer pending (sent, failed, or a job run twice) is left alone.
 */
@Injectable()
export class DeliverNotificationProcessor {
  private readonly log: Logger;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly channels: NotificationChannels,
    @Inject(PLATFORM_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'notifications' });
  }

  @JobProcessor(NotificationQueue, JobName.DeliverNotification)
  async deliver(data: { deliveryId: string }, job: JobContext): Promise<void> {
    const delivery = await this.deliveries.get(data.deliveryId);
    if (!delivery || delivery.status !== 'pending') return;
    const fields = {
      deliveryId: delivery._id,
      notificationId: delivery.notificationId,
      channel: delivery.channel,
    };

    const channel = this.channels.get(delivery.channel);
    if (!channel) {
      const error = `${delivery.channel}: the channel is not configured on this instance any more`;
      await this.deliveries.markAttemptFailed(delivery._id, error, true, new Date());
      this.log.warn({ ...fields, error }, 'notification delivery failed for good');
      return;
    }

    try {
      await channel.send(delivery);
    } catch (err) {
      // Only DeliveryError messages are known to hold no URL, secret or content.
      const failure =
        err instanceof DeliveryError ? err : new DeliveryError(`${delivery.channel}: ${errorName(err)}`);
      const final = failure.permanent || job.attempt >= job.attempts;
      await this.deliveries.markAttemptFailed(delivery._id, failure.message, final, new Date());
      if (failure.permanent) {
        // Nothing to retry: the job ends here, the delivery says why.
        this.log.warn({ ...fields, error: failure.message }, 'notification delivery refused for good');
        return;
      }
      throw failure; // the worker logs it, as retried or as failed for good
    }
    await this.deliveries.markSent(delivery._id, new Date());
  }
}

function errorName(err: unknown): string {
  if (err instanceof Error)
    return `${err.name}${'code' in err && typeof err.code === 'string' ? ` ${err.code}` : ''}`;
  return 'unknown error';
}

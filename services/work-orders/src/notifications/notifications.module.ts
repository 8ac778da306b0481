import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { NotificationChannels } from './channels/notification-channels';
import { NotificationsController } from './http/notifications.controller';
import { DeliverNotificationProcessor } from './jobs/deliver-notification.processor';
import { NotificationDispatcher } from './notification-dispatcher';
import { Notifier } from './notifier';
import { DeliveryRepository } from './persistence/delivery.repository';
import { DELIVERY_MODEL, deliverySchema } from './persistence/delivery.schema';
import { InAppNotificationRepository } from './persistence/in-app-notification.repository';
import { IN_APP_NOTIFICATION_MODEL, inAppNotificationSchema } from './persistence/in-app-notification.schema';

/**
 * Notifications: the Notifier port (in the app, by e-mail over SMTP, to 企业微信 and 钉钉 group
 * robots), its deliveries sent and retried by jobs, and each person's in-app inbox over HTTP.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: DELIVERY_MODEL, schema: deliverySchema },
      { name: IN_APP_NOTIFICATION_MODEL, schema: inAppNotificationSchema },
    ]),
  ],
  controllers: [NotificationsController],
  providers: [
    DeliveryRepository,
    InAppNotificationRepository,
    NotificationChannels,
    NotificationDispatcher,
    { provide: Notifier, useExisting: NotificationDispatcher },
    DeliverNotificationProcessor,
  ],
  exports: [Notifier],
})
export class NotificationsModule {}

import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@buqi/platform';
import type { ServiceConfig } from '../../config';
import type { ChannelName } from '../domain/notification';
import { InAppNotificationRepository } from '../persistence/in-app-notification.repository';
import type { DeliveryChannel } from './channel';
import { EmailChannel } from './email.channel';
import { InAppChannel } from './in-app.channel';
import { DingtalkChannel, WecomChannel } from './robot.channels';

/**
 * The channels this instance sends by: the in-app inbox always; e-mail when SMTP_URL is set; each
 * group robot when its webhook is set.
 */
@Injectable()
export class NotificationChannels implements OnApplicationShutdown {
  readonly all: readonly DeliveryChannel[];

  constructor(@Inject(PLATFORM_CONFIG) config: ServiceConfig, inbox: InAppNotificationRepository) {
    const timeoutMs = config.NOTIFY_SEND_TIMEOUT;
    const channels: DeliveryChannel[] = [new InAppChannel(inbox)];
    if (config.SMTP_URL)
      channels.push(new EmailChannel({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, timeoutMs }));
    if (config.WECOM_WEBHOOK_URL) channels.push(new WecomChannel(config.WECOM_WEBHOOK_URL, timeoutMs));
    if (config.DINGTALK_WEBHOOK_URL)
      channels.push(new DingtalkChannel(config.DINGTALK_WEBHOOK_URL, config.DINGTALK_SECRET, timeoutMs));
    this.all = Object.freeze(channels);
  }

  get(name: ChannelName): DeliveryChannel | undefined {
    return this.all.find((c) => c.name === name);
  }

  // After the job workers stopped (they stop before application shutdown), so no send is cut off.
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all.map((c) => c.close?.()));
  }
}

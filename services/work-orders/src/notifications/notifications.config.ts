import { duration, int, str, url } from '@buqi/config';

/** The notification channels and how their deliveries are retried; spread into the service's configuration. */
export const notificationsConfig = {
  SMTP_URL: url({
    description:
      'SMTP server for e-mail notifications, smtp://[user:password@]host:port or smtps://…; no e-mail is sent when unset',
    protocols: ['smtp', 'smtps'],
    optional: true,
    sensitive: true,
    example: 'smtp://127.0.0.1:11025',
  }),
  MAIL_FROM: str({
    description: 'The From of notification e-mails: an address, or "Name <address>"',
    default: 'buqi@localhost',
    format: {
      pattern: /^(?:[^<>@\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
      expected: 'an e-mail address, or "Name <address>"',
    },
  }),
  WECOM_WEBHOOK_URL: url({
    description:
      '企业微信 (WeCom) group robot webhook (…/cgi-bin/webhook/send?key=…); no WeCom message when unset',
    protocols: ['https', 'http'],
    optional: true,
    sensitive: true,
  }),
  DINGTALK_WEBHOOK_URL: url({
    description:
      '钉钉 (DingTalk) group robot webhook (…/robot/send?access_token=…); no DingTalk message when unset',
    protocols: ['https', 'http'],
    optional: true,
    sensitive: true,
  }),
  DINGTALK_SECRET: str({
    description: 'The DingTalk robot’s signing secret (SEC…), when the robot is set to sign (加签)',
    optional: true,
    sensitive: true,
  }),
  NOTIFY_ATTEMPTS: int({
    description: 'Tries a notification delivery gets in all; after the last it is recorded failed',
    min: 1,
    max: 20,
    default: 5,
  }),
  NOTIFY_RETRY_DELAY: duration({
    description: 'Wait before the second try of a failed delivery; each later wait doubles',
    default: '5s',
  }),
  NOTIFY_SEND_TIMEOUT: duration({
    description: 'How long one try waits for the mail server or webhook to answer',
    default: '10s',
  }),
};

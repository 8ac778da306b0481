import { authConfig } from '@buqi/auth';
import { defineConfig, duration, serviceBaseConfig, str, url, type Config } from '@buqi/config';
import { notificationsConfig } from './notifications/notifications.config';

export const serviceConfig = defineConfig({
  ...serviceBaseConfig({ httpPort: 3103, database: 'buqi_work_orders' }),
  ...authConfig,
  ...notificationsConfig,
  SLA_POLICY: str({
    description:
      'The SLA policy as JSON (libs/domain-sla SlaPolicy: per priority a clock and response and resolution rules); the bureau’s default when empty',
    default: '',
  }),
  ESCALATION_RECONCILE_INTERVAL: duration({
    description:
      'How often every open order’s escalation timers are checked against the database and rebuilt (after a loss of Redis, a crash)',
    default: '1m',
  }),
  EVIDENCE_DIR: str({
    description: 'Where photos taken as evidence are kept on local disk (the default evidence store)',
    default: '.buqi/data/evidence',
  }),
  CONSOLE_URL: url({
    description:
      'Where people open what a notification links to (the console), e.g. https://buqi.example.gov.cn',
    default: 'http://127.0.0.1:3100',
  }),
  PREVENTIVE_GENERATION_INTERVAL: duration({
    description: 'How often preventive plans generate the work orders due within their lead days',
    default: '1h',
  }),
});

export type ServiceConfig = Config<typeof serviceConfig>;

import { authConfig } from '@buqi/auth';
import { bool, defineConfig, duration, enumOf, serviceBaseConfig, str, url, type Config } from '@buqi/config';
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
  EVIDENCE_STORE: enumOf(['local', 's3'], {
    description:
      'Where photos taken as evidence are kept: local disk (EVIDENCE_DIR) or an S3-compatible bucket (EVIDENCE_S3_*)',
    default: 'local',
  }),
  EVIDENCE_DIR: str({
    description: 'Where photos taken as evidence are kept on local disk (EVIDENCE_STORE=local)',
    default: '.buqi/data/evidence',
  }),
  EVIDENCE_S3_ENDPOINT: url({
    description:
      'The S3-compatible endpoint for EVIDENCE_STORE=s3 (MinIO, Ceph, a cloud’s object storage); AWS S3 itself when unset',
    protocols: ['https', 'http'],
    optional: true,
    example: 'http://127.0.0.1:19000',
  }),
  EVIDENCE_S3_BUCKET: str({
    description: 'The bucket photos go to (EVIDENCE_STORE=s3)',
    default: 'buqi-evidence',
  }),
  EVIDENCE_S3_REGION: str({ description: 'The bucket’s region (EVIDENCE_STORE=s3)', default: 'us-east-1' }),
  EVIDENCE_S3_PATH_STYLE: bool({
    description: 'Address the bucket in the path (host/bucket/key), as most S3-compatible stores expect',
    default: true,
  }),
  EVIDENCE_S3_ACCESS_KEY_ID: str({
    description: 'Access key for the bucket (EVIDENCE_STORE=s3); the SDK’s default credentials when unset',
    optional: true,
    sensitive: true,
  }),
  EVIDENCE_S3_SECRET_ACCESS_KEY: str({
    description: 'Secret key for the bucket, with EVIDENCE_S3_ACCESS_KEY_ID',
    optional: true,
    sensitive: true,
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

import {
  bool,
  defineConfig,
  duration,
  httpConfig,
  kafkaConfig,
  mongoConfig,
  redisConfig,
  str,
  telemetryConfig,
  url,
  type Config,
} from '@buqi/config';

export const consoleConfig = defineConfig({
  ...httpConfig(3100),
  ...mongoConfig('buqi_console'),
  ...redisConfig,
  ...kafkaConfig,
  ...telemetryConfig,
  CONSOLE_SIGNING_KEY_DIR: str({
    description:
      'Directory of the ES256 key the console signs the services’ tokens with (the development issuer’s, ADR 0008); its public half is served at /.well-known/jwks.json',
    default: '.buqi/auth',
  }),
  CONSOLE_TOKEN_TTL: duration({
    description: 'How long a token the console signs for a call to a service is valid',
    default: '5m',
  }),
  SESSION_IDLE: duration({ description: 'A session ends after this long without a request', default: '30m' }),
  SESSION_MAX: duration({
    description: 'A session ends this long after sign-in, however active',
    default: '12h',
  }),
  COOKIE_SECURE: bool({
    description:
      'Mark the session cookie Secure (HTTPS only): true wherever the console is served over HTTPS',
    default: false,
  }),
  CONSOLE_REDIS_PREFIX: str({
    description:
      'Prefix of the console’s Redis keys (sessions, sign-in failures); instances of one console share it',
    default: 'buqi:console',
  }),
  CONSOLE_JOBS_REDIS_URL: url({
    description:
      'The Redis holding the services’ job queues, which admins see at /admin/queues; the console’s REDIS_URL when unset',
    example: 'redis://127.0.0.1:16379',
    protocols: ['redis', 'rediss'],
    optional: true,
    sensitive: true,
  }),
  CONSOLE_JOBS_PREFIX: str({
    description:
      "Prefix of the services' job queue keys the board at /admin/queues reads (the services' JOBS_PREFIX); the console's JOBS_PREFIX (buqi) when unset",
    optional: true,
    format: {
      pattern: /^[A-Za-z0-9._-]{1,100}$/,
      expected: 'up to 100 letters, digits, dots, dashes or underscores',
    },
  }),
  CONSOLE_WEB_DIR: str({
    description: 'The built pages the console serves (nx run console:build-web writes them there)',
    default: 'dist/console-web',
  }),
  ASSET_INVENTORY_URL: url({
    description: 'Where asset-inventory answers',
    default: 'http://127.0.0.1:3101',
  }),
  BUDGET_ALLOCATION_URL: url({
    description: 'Where budget-allocation answers',
    default: 'http://127.0.0.1:3102',
  }),
  WORK_ORDERS_URL: url({ description: 'Where work-orders answers', default: 'http://127.0.0.1:3103' }),
  CONSOLE_BOOTSTRAP_ADMIN_PASSWORD: str({
    description:
      'When there is no account yet, the console creates "admin" (role admin) with this password at start; ignored once any account exists',
    optional: true,
    sensitive: true,
  }),
});

export type ConsoleConfig = Config<typeof consoleConfig>;

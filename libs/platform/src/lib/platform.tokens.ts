import type { HttpSettings, MongoSettings, RedisSettings, TelemetrySettings } from '@buqi/config';

/** What PlatformModule needs from a service's configuration (the service's may hold more). */
export type PlatformConfig = MongoSettings & RedisSettings & HttpSettings & TelemetrySettings;

/** The service's loaded configuration (the whole object given to PlatformModule.forRoot). */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
/** The service's name, e.g. 'asset-inventory'. */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
/** The service's pino logger (type Logger from @buqi/observability). */
export const PLATFORM_LOGGER = Symbol('PLATFORM_LOGGER');
/** The shared ioredis connection (type Redis); BullMQ-ready (maxRetriesPerRequest: null). */
export const REDIS_CONNECTION = Symbol('REDIS_CONNECTION');

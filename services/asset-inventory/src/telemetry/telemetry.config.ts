import { duration, int, type Config } from '@buqi/config';

/** The telemetry slice's variables, spread into the service's configuration. */
export const telemetryConfig = {
  TELEMETRY_CLOCK_SKEW: duration({
    description:
      "How far after a batch's arrival a reading's measurement time may lie; later ones are refused (the device's clock is wrong)",
    default: '5m',
  }),
  TELEMETRY_RETENTION: duration({
    description:
      'How long raw readings are kept; older ones are deleted by a job, and refused when they arrive',
    default: '90d',
  }),
  TELEMETRY_OFFLINE_FACTOR: int({
    description: 'A device silent for longer than its reporting interval times this is offline',
    min: 1,
    max: 100,
    default: 3,
  }),
  TELEMETRY_SWEEP_INTERVAL: duration({
    description: 'How often devices are checked for silence and their condition recomputed',
    default: '1m',
  }),
  TELEMETRY_RETENTION_INTERVAL: duration({
    description: 'How often readings older than TELEMETRY_RETENTION are deleted',
    default: '1h',
  }),
} as const;

export type TelemetrySettings = Config<typeof telemetryConfig>;

/** The telemetry settings, provided from the service's configuration (PLATFORM_CONFIG). */
export const TELEMETRY_SETTINGS = Symbol('TELEMETRY_SETTINGS');

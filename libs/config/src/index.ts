export { ConfigError, type ConfigProblem } from './lib/config-error';
export { defineConfig, type Config, type ConfigSpec } from './lib/config-spec';
export { describeConfig } from './lib/describe-config';
export { formatDuration, parseDuration } from './lib/duration';
export {
  LOG_LEVELS,
  httpConfig,
  kafkaConfig,
  mongoConfig,
  redisConfig,
  serviceBaseConfig,
  telemetryConfig,
  type HttpSettings,
  type KafkaSettings,
  type LogLevel,
  type MongoSettings,
  type RedisSettings,
  type TelemetrySettings,
} from './lib/fragments';
export {
  bool,
  duration,
  enumOf,
  int,
  list,
  str,
  url,
  type DurationOptions,
  type IntOptions,
  type ListOptions,
  type StrOptions,
  type UrlOptions,
} from './lib/helpers';
export { loadConfig, loadConfigOrExit, printableConfig, type Environment } from './lib/load-config';
export type { ParseResult, ValueFor, Variable, VariableOptions } from './lib/variable';

import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino from 'pino';
import { correlation } from './correlation';
import { maskCredentialsDeep, maskUrlCredentials } from './mask-credentials';

export type Logger = pino.Logger;

/**
 * Paths always censored. Wildcards reach one level down only (`*.password` covers `user.password`,
 * not `a.b.password`); log such fields at the top or one level down, or add paths.
 */
export const DEFAULT_REDACT_PATHS: readonly string[] = [
  'authorization',
  'cookie',
  'password',
  'token',
  'secret',
  'apiKey',
  'deviceKey',
  'accessToken',
  'refreshToken',
  '*.authorization',
  '*.cookie',
  '*["set-cookie"]',
  '*["x-api-key"]',
  '*["x-device-key"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.apiKey',
  '*.deviceKey',
  '*.accessToken',
  '*.refreshToken',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-device-key"]',
  'res.headers["set-cookie"]',
];

export interface LoggerOptions {
  readonly name: string;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  readonly level?: string;
  /** Paths censored in addition to DEFAULT_REDACT_PATHS (pino/fast-redact syntax). */
  readonly redact?: readonly string[];
  /** Where JSON lines go; stdout when omitted. */
  readonly destination?: pino.DestinationStream;
}

/**
 * A pino logger writing JSON lines, each stamped with the active span's trace_id/span_id and the
 * current correlation_id; secrets are censored by path and URL passwords masked everywhere.
 */
export function createLogger(options: LoggerOptions): Logger {
  const pinoOptions: pino.LoggerOptions = {
    name: options.name,
    level: options.level ?? 'info',
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [...new Set([...DEFAULT_REDACT_PATHS, ...(options.redact ?? [])])],
      censor: '[redacted]',
    },
    formatters: {
      level: (label) => ({ level: label }),
      log: (record) => maskCredentialsDeep(record) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        // pino takes a lone error's message as the log message, which formatters.log never sees.
        const lead =
          first instanceof Error && typeof rest[0] !== 'string' ? [{ err: first }, first.message] : [first];
        const masked = [...lead, ...rest].map((arg) =>
          typeof arg === 'string' ? maskUrlCredentials(arg) : arg,
        );
        method.apply(this, masked as Parameters<pino.LogFn>);
      },
    },
    // Errors are serialised (and masked) by formatters.log already.
    serializers: { err: (value: unknown) => value },
    mixin: contextFields,
  };
  return options.destination ? pino(pinoOptions, options.destination) : pino(pinoOptions);
}

function contextFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (spanContext && isSpanContextValid(spanContext)) {
    fields['trace_id'] = spanContext.traceId;
    fields['span_id'] = spanContext.spanId;
  }
  const correlationId = correlation.current();
  if (correlationId !== undefined) fields['correlation_id'] = correlationId;
  return fields;
}

import type { LoggerService } from '@nestjs/common';
import type { Logger } from '@buqi/observability';

type PinoLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

const STACK_LINE = /\n\s+at /;

/** NestJS's LoggerService over a pino logger: Nest's own messages come out as the same JSON lines; LOG_LEVEL filters them. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
  // Nest passes (message, context?) and, for errors, (message, stack?, context?).
  private write(level: PinoLevel, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const last = rest.at(-1);
    const context = typeof last === 'string' && !STACK_LINE.test(last) ? rest.pop() : undefined;
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    const stack = rest.find((p): p is string => typeof p === 'string' && STACK_LINE.test(p));
    if (stack !== undefined) fields['stack'] = stack;
    const error = [message, ...rest].find((p): p is Error => p instanceof Error);
    if (error) fields['err'] = error;

    if (typeof message === 'string') this.logger[level](fields, message);
    else if (message instanceof Error) this.logger[level](fields, message.message);
    else this.logger[level]({ ...fields, data: message });
  }
}

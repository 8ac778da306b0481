/** The slice of a pino logger the messaging library writes to. */
export interface MessagingLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const ignore = (): void => undefined;
export const silentLogger: MessagingLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };

import { types } from 'node:util';
import { stdSerializers } from 'pino';

const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:@/]*):([^\s@/]+)@/gi;
const MAX_DEPTH = 6;

/** Hides the password of every `scheme://user:password@` in `text`. */
export function maskUrlCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1$2:***@');
}

const isPlainObject = (value: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * Copies a log record, masking URL credentials in every string (errors serialised first). Class
 * instances other than errors are left as they are; nesting deeper than MAX_DEPTH is not walked.
 */
export function maskCredentialsDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskUrlCredentials(value);
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return value;
  if (value instanceof Error || types.isNativeError(value)) {
    // Spread into a plain object: pino's own serialiser would re-wrap the serialised form otherwise.
    return maskCredentialsDeep({ ...stdSerializers.err(value as Error) }, depth + 1);
  }
  if (Array.isArray(value)) return value.map((item: unknown) => maskCredentialsDeep(item, depth + 1));
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, maskCredentialsDeep(item, depth + 1)]),
  );
}

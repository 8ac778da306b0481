import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import { KeySetUnavailableError } from './token-errors';

/** Finds the public key for a token's protected header; what jose's jwtVerify takes. */
export type KeyResolver = JWTVerifyGetKey;

/** An unknown `kid` makes a key set look again, but not more often than this (rotation, not DoS). */
export const KEY_SET_REFRESH_COOLDOWN_MS = 30_000;
const REMOTE_CACHE_MAX_AGE_MS = 10 * 60_000;
const REMOTE_TIMEOUT_MS = 5_000;

export interface KeySetOptions {
  /** Least time between two loads caused by unknown kids; KEY_SET_REFRESH_COOLDOWN_MS by default. */
  readonly cooldownMs?: number;
}

/** The issuer's keys behind an http(s): or file: URL (validated by authConfig). */
export function keySetFor(url: string, options: KeySetOptions = {}): KeyResolver {
  const parsed = new URL(url);
  return parsed.protocol === 'file:'
    ? fileKeySet(fileURLToPath(parsed), options)
    : remoteKeySet(parsed, options);
}

/** A token that names no key of the set: an answer about the token, not about the key source. */
const isAboutTheToken = (error: unknown) =>
  error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys;

/**
 * jose's remote set: fetched on first use, cached, fetched again when a token names an unknown
 * `kid` (at most once per cooldown). A failed fetch is reported as KeySetUnavailableError.
 */
export function remoteKeySet(url: URL, options: KeySetOptions = {}): KeyResolver {
  const remote = createRemoteJWKSet(url, {
    cooldownDuration: options.cooldownMs ?? KEY_SET_REFRESH_COOLDOWN_MS,
    cacheMaxAge: REMOTE_CACHE_MAX_AGE_MS,
    timeoutDuration: REMOTE_TIMEOUT_MS,
  });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (isAboutTheToken(error)) throw error;
      throw new KeySetUnavailableError(`The key set at ${url.href} could not be loaded: ${reason(error)}`, {
        cause: error,
      });
    }
  };
}

/**
 * A JWKS file (local development and tests): read on first use, read again when a token names an
 * unknown `kid`, at most once per cooldown. A failed re-read keeps the keys already known.
 */
export function fileKeySet(
  path: string,
  options: KeySetOptions & { readonly now?: () => number } = {},
): KeyResolver {
  const cooldownMs = options.cooldownMs ?? KEY_SET_REFRESH_COOLDOWN_MS;
  const now = options.now ?? Date.now;
  let current: KeyResolver | undefined;
  let readAt = Number.NEGATIVE_INFINITY;
  let reading: Promise<void> | undefined;

  const read = async (): Promise<void> => {
    readAt = now();
    try {
      const jwks = JSON.parse(await readFile(path, 'utf8')) as JSONWebKeySet;
      current = createLocalJWKSet(jwks);
    } catch (error) {
      if (current === undefined) {
        throw new KeySetUnavailableError(`The key set file ${path} could not be read: ${reason(error)}`, {
          cause: error,
        });
      }
    }
  };
  const reread = (): Promise<void> => (reading ??= read().finally(() => (reading = undefined)));

  return async (header, token) => {
    if (current === undefined) await reread();
    try {
      return await (current as KeyResolver)(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || now() - readAt < cooldownMs) throw error;
      await reread();
      return (current as KeyResolver)(header, token);
    }
  };
}

function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}

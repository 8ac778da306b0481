import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device API keys: `bqd_<keyId>_<secret>`. The key id (hex, so never `_`) finds the stored hash; the
 * secret is 256 random bits. Only the SHA-256 of the whole key is stored: with that much entropy a
 * fast hash is enough, nobody can search the key space (ADR 0008).
 */
export const DEVICE_KEY_PREFIX = 'bqd';

const KEY_ID_BYTES = 8;
const SECRET_BYTES = 32;
const FORMAT = /^bqd_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const HASH = /^[0-9a-f]{64}$/;

export interface GeneratedDeviceKey {
  readonly keyId: string;
  /** Shown to the operator once; never stored. */
  readonly key: string;
  /** What the device key store keeps: SHA-256 of `key`, lowercase hex. */
  readonly hash: string;
}

export interface ParsedDeviceKey {
  readonly keyId: string;
  readonly secret: string;
}

export function generateDeviceKey(): GeneratedDeviceKey {
  const keyId = randomBytes(KEY_ID_BYTES).toString('hex');
  const key = `${DEVICE_KEY_PREFIX}_${keyId}_${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { keyId, key, hash: hashDeviceKey(key) };
}

/** The key id and secret of a well-formed key, or undefined. */
export function parseDeviceKey(presented: string): ParsedDeviceKey | undefined {
  const match = FORMAT.exec(presented);
  return match ? { keyId: match[1], secret: match[2] } : undefined;
}

export function hashDeviceKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Whether `presented` is the key `storedHash` was made from; compares in constant time. */
export function verifyDeviceKey(presented: string, storedHash: string): boolean {
  if (!parseDeviceKey(presented) || !HASH.test(storedHash)) return false;
  // Two 32-byte digests: equal lengths, as timingSafeEqual requires.
  return timingSafeEqual(
    createHash('sha256').update(presented, 'utf8').digest(),
    Buffer.from(storedHash, 'hex'),
  );
}

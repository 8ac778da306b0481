import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { DomainValidationError } from '@buqi/domain-kernel';

/**
 * Passwords are kept as scrypt hashes, a memory-hard function: each guess costs 32 MiB and about
 * a tenth of a second here, so a stolen table is slow to attack even with many cores. Stored as
 * `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64url), so the parameters can be raised later and
 * older hashes still verify.
 */
const COST = { log2N: 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

export const PASSWORD_RULES = { minLength: 10, maxLength: 200 } as const;

function derive(password: string, salt: Buffer, log2N: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** log2N;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Refuses a password too short or too long to keep (a field error naming `field`). */
export function checkPassword(password: string, field = 'password'): void {
  if (password.length < PASSWORD_RULES.minLength)
    throw new DomainValidationError(
      field,
      '(hidden)',
      `must be at least ${PASSWORD_RULES.minLength} characters`,
    );
  if (password.length > PASSWORD_RULES.maxLength)
    throw new DomainValidationError(
      field,
      '(hidden)',
      `must be at most ${PASSWORD_RULES.maxLength} characters`,
    );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST.log2N, COST.r, COST.p);
  return ['scrypt', COST.log2N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(log2N), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash to check a password against when the account does not exist, so that a wrong user name
 * takes as long to refuse as a wrong password and timing does not tell which it was.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

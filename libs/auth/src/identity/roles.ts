/**
 * The roles a token may carry (ADR 0008). DO NOT RENAME: the names are stored in identity
 * provider configuration, audit records and tokens already issued.
 */
export const ROLES = [
  'crew-member',
  'contractor',
  'supervisor',
  'department-head',
  'asset-manager',
  'finance',
  'admin',
  // Bureau leadership (局领导): signs investment decisions above the approval policy's threshold.
  'leadership',
] as const;

export type Role = (typeof ROLES)[number];

const KNOWN: ReadonlySet<string> = new Set(ROLES);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && KNOWN.has(value);
}

/** The claims Buqi reads from a token, beside the registered ones (iss, aud, exp, …). */
export interface BuqiClaims {
  readonly sub: string;
  readonly name?: string;
  readonly roles?: readonly string[];
  readonly department?: string;
  readonly crew?: string;
  readonly contractor?: string;
}

import { duration, int, str, type Config, type ParseResult, type Variable } from '@buqi/config';

const JWKS_PROTOCOLS = ['http:', 'https:', 'file:'];
const JWKS_EXPECTED = 'an http://, https:// or file:// URL of a JSON Web Key Set';

/**
 * The issuer's key set. `file:` serves local development (the dev issuer writes one) and tests;
 * the URL helper of @buqi/config wants a host, which `file:///…` has not, hence this check.
 */
function jwksUrl(): Variable<string> {
  const base = str({
    description: "URL of the token issuer's JSON Web Key Set (http:, https: or file:)",
    example: 'https://sso.example.gov.cn/.well-known/jwks.json',
  });
  return Object.freeze({
    ...base,
    kind: 'url',
    parse(raw: string): ParseResult<string> {
      const parsed = URL.canParse(raw) ? new URL(raw) : undefined;
      if (!parsed || !JWKS_PROTOCOLS.includes(parsed.protocol)) {
        return { ok: false, problem: `is not ${JWKS_EXPECTED}` };
      }
      if (parsed.protocol === 'file:' ? parsed.pathname.length <= 1 : parsed.hostname === '') {
        return { ok: false, problem: `is not ${JWKS_EXPECTED}` };
      }
      return { ok: true, value: raw };
    },
  });
}

/** Authentication and audit settings; a service spreads this into its configuration spec. */
export const authConfig = {
  AUTH_ISSUER: str({
    description: 'Expected "iss" of bearer tokens (the identity provider)',
    example: 'https://sso.example.gov.cn',
  }),
  AUTH_AUDIENCE: str({ description: 'Expected "aud" of bearer tokens', example: 'buqi' }),
  AUTH_JWKS_URL: jwksUrl(),
  AUTH_CLOCK_TOLERANCE: duration({
    description: 'Clock skew tolerated when checking a token’s exp, nbf and iat',
    default: '30s',
  }),
  // China's Cybersecurity Law, Art. 21: network logs are kept for no less than six months.
  AUDIT_RETENTION_DAYS: int({
    description: 'Days an audit record is kept before the retention purge removes it (at least 180)',
    min: 180,
    default: 365,
  }),
} as const;

export type AuthSettings = Config<typeof authConfig>;

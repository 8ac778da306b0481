import type { IncomingHttpHeaders } from 'node:http';

export type Presented =
  | { readonly kind: 'none' }
  | { readonly kind: 'malformed'; readonly message: string }
  | { readonly kind: 'credential'; readonly value: string };

// RFC 6750 b64token.
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();

/** `Authorization: Bearer <token>`. */
export function presentedBearer(headers: IncomingHttpHeaders): Presented {
  const header = single(headers.authorization);
  if (!header) return { kind: 'none' };
  const [scheme, token, ...rest] = header.split(/\s+/);
  if (scheme.toLowerCase() !== 'bearer' || !token || rest.length > 0 || !B64TOKEN.test(token)) {
    return { kind: 'malformed', message: 'The Authorization header must be "Bearer <token>"' };
  }
  return { kind: 'credential', value: token };
}

/** `Authorization: ApiKey <key>`, or `X-Device-Key: <key>` for devices that cannot set Authorization. */
export function presentedDeviceKey(headers: IncomingHttpHeaders): Presented {
  const header = single(headers.authorization);
  if (header) {
    const [scheme, key, ...rest] = header.split(/\s+/);
    if (scheme.toLowerCase() !== 'apikey' || !key || rest.length > 0) {
      return { kind: 'malformed', message: 'The Authorization header must be "ApiKey <device key>"' };
    }
    return { kind: 'credential', value: key };
  }
  const key = single(headers['x-device-key']);
  return key ? { kind: 'credential', value: key } : { kind: 'none' };
}

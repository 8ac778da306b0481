/** A field the server refused, as its problem details list them. */
export interface FieldError {
  field: string;
  reason: string;
}

/** A refusal from the console or a service: status, what it said, the fields it named. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const SIGNED_OUT_EVENT = 'buqi:signed-out';

/**
 * A call to the console's backend: same-origin with the session cookie, the header every change
 * must carry, JSON in and out. A 401 means the session has ended: the shell goes to sign-in and
 * keeps the page's state where it can.
 */
export async function api<T>(
  path: string,
  options: { method?: string; body?: unknown; raw?: Blob; headers?: Record<string, string> } = {},
): Promise<{ data: T; etag?: string }> {
  const method = options.method ?? (options.body !== undefined || options.raw ? 'POST' : 'GET');
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'x-requested-with': 'buqi-console',
        ...(options.body !== undefined && { 'content-type': 'application/json' }),
        ...(options.raw && { 'content-type': options.raw.type || 'application/octet-stream' }),
        ...options.headers,
      },
      body: options.raw ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  const text = await response.text();
  const json: unknown =
    text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem = (json ?? {}) as { detail?: string; errors?: FieldError[] };
    if (response.status === 401 && !path.startsWith('/auth/sign-in'))
      window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    const retry = response.headers.get('retry-after');
    throw new ApiError(
      response.status,
      problem.detail ?? response.statusText,
      problem.errors ?? [],
      retry ? Number(retry) : undefined,
    );
  }
  return { data: json as T, etag: response.headers.get('etag') ?? undefined };
}

/** Server field errors as Ant Design form fields: each message beside its field. */
export function fieldErrorsOf(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors.map((e) => ({
    name: e.field
      .replace(/^\//, '')
      .split(/[./]/)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    errors: [e.reason],
  }));
}

export const yuan = (fen: number) =>
  (fen / 100).toLocaleString('zh-CN', { style: 'currency', currency: 'CNY' });

/**
 * A refusal as a person reads it: what kind of refusal, in their language, then the service's own
 * words (which name the field, the value or the state); no signal or a failing service in one line.
 */
export function describe(error: unknown, t: (key: string) => string): string {
  if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) return t('serviceDown');
  const lead = t(`problem.${error.status}`);
  const kind = lead === `problem.${error.status}` ? t('problem.other') : lead;
  return error.message ? `${kind}：${error.message}` : kind;
}

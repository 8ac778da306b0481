import { api, ApiError } from './api';

/**
 * A crew member's moves made without signal (start, hold, resume, complete), kept on the phone in
 * the order they were made and sent when the network is back. Each carries `actedAt`, the time the
 * person acted; the server records it beside the time it received the move, and the SLA counts the
 * server's. A move the server refuses when it finally arrives (the order moved on meanwhile) is
 * dropped and reported, never retried for ever.
 */
export interface QueuedMove {
  path: string;
  body: Record<string, unknown>;
  queuedAt: string;
}

const KEY = 'buqi.outbox';
export const OUTBOX_EVENT = 'buqi:outbox';
const QUEUEABLE = /^\/api\/work-orders\/work-orders\/[^/]+\/(start|hold|resume|complete)$/;

export const isQueueable = (path: string) => QUEUEABLE.test(path);

export function queued(): QueuedMove[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as QueuedMove[];
  } catch {
    return [];
  }
}

function save(moves: QueuedMove[]): void {
  localStorage.setItem(KEY, JSON.stringify(moves));
  window.dispatchEvent(new Event(OUTBOX_EVENT));
}

export function enqueue(path: string, body: Record<string, unknown>): void {
  save([
    ...queued(),
    { path, body: { actedAt: new Date().toISOString(), ...body }, queuedAt: new Date().toISOString() },
  ]);
}

/**
 * Whether the server refused the move itself (the order moved on, the move is not allowed), as
 * opposed to not taking it now: no signal (0), the session ended (401: sent once they sign in
 * again), too many requests (429), or the server or a gateway failing (5xx).
 */
export function isRefusal(error: ApiError): boolean {
  return error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status);
}

let flushing: Promise<{ move: QueuedMove; error: ApiError }[]> | undefined;

/**
 * Sends what waits, oldest first; stops at the first network failure. Returns the refusals. Called
 * again while sending, it answers when that sending is done.
 */
export function flush(): Promise<{ move: QueuedMove; error: ApiError }[]> {
  flushing ??= send().finally(() => (flushing = undefined));
  return flushing;
}

async function send(): Promise<{ move: QueuedMove; error: ApiError }[]> {
  const refused: { move: QueuedMove; error: ApiError }[] = [];
  for (;;) {
    const [move, ...rest] = queued();
    if (!move) break;
    try {
      await api(move.path, { body: move.body });
    } catch (err) {
      if (!(err instanceof ApiError) || !isRefusal(err)) break; // kept: sent again later
      refused.push({ move, error: err });
    }
    save(rest);
  }
  return refused;
}

import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export const STEPS = ['create', 'assign', 'start', 'complete', 'verify'] as const;
export type Step = (typeof STEPS)[number];
export type Move = Exclude<Step, 'create'>;
export const MOVES: readonly Move[] = ['assign', 'start', 'complete', 'verify'];

/** One system's API as the load drives it: open an order, then move it one step. */
export interface OrderApi {
  readonly name: string;
  /** Opens an order; its id. */
  create(): Promise<string>;
  /** Moves the order one step; `version` is the one it is at (1 after create, one more per move). */
  move(id: string, step: Move, version: number): Promise<void>;
}

interface Reply {
  readonly status: number;
  readonly location: string | undefined;
  readonly text: string;
}

/**
 * POSTs JSON over kept-alive connections (node:http, no fetch: the load generator's own cost per
 * request stays small, and the same for both systems).
 */
export class JsonClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private readonly host: string;
  private readonly port: number;

  constructor(
    baseUrl: string,
    private readonly headers: Readonly<Record<string, string>> = {},
  ) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
  }

  post(path: string, body: unknown): Promise<Reply> {
    const json = JSON.stringify(body);
    return new Promise<Reply>((resolve, reject) => {
      const req = request(
        {
          host: this.host,
          port: this.port,
          path,
          method: 'POST',
          agent: this.agent,
          headers: {
            ...this.headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(json),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('error', reject);
          res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, text }));
        },
      );
      req.on('error', reject);
      req.end(json);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A reply other than the one expected ends the run: a benchmark of failing requests measures nothing. */
export function expectStatus(reply: Reply, status: number, what: string): void {
  if (reply.status !== status)
    throw new Error(`${what}: expected ${status}, got ${reply.status} ${reply.text.slice(0, 500)}`);
}

/** The id at the end of a Location header, e.g. /work-orders/wo-2026-ab12cd34ef → wo-2026-ab12cd34ef. */
export function idFromLocation(reply: Reply, what: string): string {
  const id = reply.location?.split('/').pop();
  if (!id) throw new Error(`${what}: no Location in the ${reply.status} reply`);
  return id;
}

/** What one closed-loop round measured: every step's latency (ms) by step type. */
export interface Round {
  readonly orders: number;
  readonly steps: number;
  readonly seconds: number;
  readonly latencies: Readonly<Record<Step, readonly number[]>>;
}

/**
 * Closed loop: `concurrency` workers, each taking the next order as soon as its previous one is
 * verified, until `orders` orders went through create → assign → start → complete → verify. Each
 * step's latency is from sending its request to having read its whole reply.
 */
export async function closedLoop(api: OrderApi, orders: number, concurrency: number): Promise<Round> {
  const latencies: Record<Step, number[]> = {
    create: [],
    assign: [],
    start: [],
    complete: [],
    verify: [],
  };
  let taken = 0;
  const worker = async (): Promise<void> => {
    while (taken < orders) {
      taken++;
      let sent = performance.now();
      const id = await api.create();
      let done = performance.now();
      latencies.create.push(done - sent);
      let version = 1;
      for (const step of MOVES) {
        sent = done;
        await api.move(id, step, version);
        done = performance.now();
        latencies[step].push(done - sent);
        version++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, orders) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { orders, steps: orders * STEPS.length, seconds, latencies };
}

/** Rounds of one system at one level taken together: their steps over their summed time. */
export function combine(rounds: readonly Round[]): Round {
  const latencies = Object.fromEntries(
    STEPS.map((s) => [s, rounds.flatMap((r) => r.latencies[s])]),
  ) as Record<Step, number[]>;
  return {
    orders: rounds.reduce((n, r) => n + r.orders, 0),
    steps: rounds.reduce((n, r) => n + r.steps, 0),
    seconds: rounds.reduce((n, r) => n + r.seconds, 0),
    latencies,
  };
}

export interface Summary {
  readonly stepsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly byStep: Readonly<Record<Step, { readonly p50: number; readonly p99: number }>>;
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

export function summarise(round: Round): Summary {
  const all = ascending(STEPS.flatMap((s) => round.latencies[s]));
  const byStep = Object.fromEntries(
    STEPS.map((s) => {
      const sorted = ascending(round.latencies[s]);
      return [s, { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) }];
    }),
  ) as Record<Step, { p50: number; p99: number }>;
  return {
    stepsPerSecond: round.steps / round.seconds,
    p50: percentile(all, 0.5),
    p99: percentile(all, 0.99),
    max: all[all.length - 1] ?? Number.NaN,
    byStep,
  };
}

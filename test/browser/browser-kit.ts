import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { DEV_AUDIENCE, DEV_ISSUER } from '@buqi/auth';
import { encodeEvent, type DataOf, type EventContract } from '@buqi/contracts';
import { createEvent } from '@buqi/messaging';
import {
  deleteTopicsWithPrefix,
  dropTestDatabase,
  engineEnv,
  freePort,
  spawnService,
  uniqueDatabaseName,
  uniqueName,
  type SpawnedService,
} from '@buqi/testing';

// What the browser suites share: the console and the services it calls, each its own process on the
// real engines with its own topics and databases, the services trusting the console's keys; events
// published as the other services would; Debian's chromium through playwright-core; screenshots under
// .buqi/screenshots.

export const PASSWORD = 'a long enough password';
export const SHOTS = resolve(__dirname, '../../.buqi/screenshots');

const SERVICES = {
  'asset-inventory': 'ASSET_INVENTORY_URL',
  'budget-allocation': 'BUDGET_ALLOCATION_URL',
  'work-orders': 'WORK_ORDERS_URL',
} as const;
export type ServiceName = keyof typeof SERVICES;

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export class ConsoleUnderTest {
  readonly engines = engineEnv();
  /** The Kafka topic prefix (with its dot) and the key prefix of this run. */
  readonly prefix: string;
  url = '';
  browser!: Browser;
  /** Where each service answers, by name. */
  readonly serviceUrl: { [S in ServiceName]?: string } = {};
  /** The console's signing keys (the development issuer's, for this run only). */
  readonly keyDir: string;
  private readonly processes: SpawnedService[] = [];
  private readonly databases: string[] = [];
  private producer?: Promise<Producer>;

  constructor(readonly name: string) {
    this.name = uniqueName(name);
    this.prefix = `${this.name}.`;
    this.keyDir = join(resolve(__dirname, '../../.buqi'), `keys-${this.name}`);
  }

  /**
   * Starts the console and `services` (each with its `env` on top of what the kit sets); resolves
   * once every one answers ready.
   */
  async start(
    services: ServiceName[],
    env: { [S in ServiceName]?: Record<string, string> } = {},
    options: { browser?: boolean; logLevel?: string } = {},
  ): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    const consolePort = await freePort();
    this.url = `http://127.0.0.1:${consolePort}`;
    const ports = new Map<ServiceName, number>();
    for (const s of services) ports.set(s, await freePort());
    for (const [s, port] of ports) this.serviceUrl[s] = `http://127.0.0.1:${port}`;
    const common = {
      ...this.engines,
      KAFKA_TOPIC_PREFIX: this.prefix,
      JOBS_PREFIX: uniqueName('jobs'),
      LOG_LEVEL: options.logLevel ?? 'warn',
    };
    const database = (label: string) => {
      const db = uniqueDatabaseName(`${this.name.slice(0, 12)}_${label}`.replace(/[^A-Za-z0-9_]/g, '_'));
      this.databases.push(db);
      return db;
    };
    const consoleProcess = spawnService({
      main: 'services/console/src/main.ts',
      env: {
        ...common,
        MONGO_DB: database('console'),
        HTTP_PORT: String(consolePort),
        CONSOLE_SIGNING_KEY_DIR: this.keyDir,
        CONSOLE_BOOTSTRAP_ADMIN_PASSWORD: PASSWORD,
        CONSOLE_REDIS_PREFIX: this.name,
        ...Object.fromEntries([...ports].map(([s, port]) => [SERVICES[s], `http://127.0.0.1:${port}`])),
      },
    });
    this.processes.push(consoleProcess);
    await consoleProcess.waitForHttp(`${this.url}/health/ready`, { timeoutMs: 180_000 });
    // One at a time: on two cores, services starting together each take longer than in turn (and each
    // creates its topics at start: the broker is not hurried).
    for (const [service, port] of ports) {
      const spawned = spawnService({
        main: `services/${service}/src/main.ts`,
        env: {
          ...common,
          MONGO_DB: database(service.split('-')[0] ?? service),
          HTTP_PORT: String(port),
          AUTH_ISSUER: DEV_ISSUER,
          AUTH_AUDIENCE: DEV_AUDIENCE,
          AUTH_JWKS_URL: `${this.url}/.well-known/jwks.json`,
          ...env[service],
        },
      });
      this.processes.push(spawned);
      await spawned.waitForHttp(`http://127.0.0.1:${port}/health/ready`, { timeoutMs: 180_000 });
    }
    if (options.browser === false) return;
    this.browser = await chromium.launch({
      executablePath: process.env['BUQI_CHROMIUM'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
  }

  /** Everything every process of the run has written to stdout and stderr so far. */
  logs(): string {
    return this.processes.map((p) => `${p.stdout()}\n${p.stderr()}`).join('\n');
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    // A producer that never connected has failed its publish already.
    await this.producer?.then(
      (producer) => producer.disconnect(),
      () => undefined,
    );
    await Promise.all(this.processes.map((p) => p.stop('SIGTERM')));
    for (const db of this.databases) await dropTestDatabase(this.engines.MONGO_URL, db);
    rmSync(this.keyDir, { recursive: true, force: true });
    await deleteTopicsWithPrefix(
      new Kafka({ brokers: this.engines.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING }),
      this.prefix,
    );
  }

  /** A phone-sized, touch browser in Chinese, as a crew member holds it. */
  async phone(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    return { context, page: await context.newPage() };
  }

  /** The console's own API as a signed-in person's page calls it (cookie and header). */
  async api(cookie: string, method: string, path: string, body?: unknown): Promise<ApiAnswer> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { cookie, 'x-requested-with': 'buqi-console', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: !text
        ? {}
        : res.headers.get('content-type')?.includes('json')
          ? (JSON.parse(text) as Record<string, unknown>)
          : { text },
      headers: res.headers,
    };
  }

  /** `api`, failing with the answer unless it is 200 or 201: for the steps that set a test up. */
  async ok(cookie: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await this.api(cookie, method, path, body);
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A session cookie for `username`. */
  async cookie(username: string, password = PASSWORD): Promise<string> {
    const res = await fetch(`${this.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
    return (res.headers.get('set-cookie') as string).split(';')[0] as string;
  }

  /** Accounts made by the bootstrap admin through /admin/accounts. */
  async accounts(accounts: Record<string, unknown>[]): Promise<void> {
    const admin = await this.cookie('admin');
    for (const account of accounts) {
      const made = await this.api(admin, 'POST', '/admin/accounts', { ...account, password: PASSWORD });
      if (made.status !== 201) throw new Error(`account ${String(account['id'])}: ${made.status}`);
    }
  }

  /** Publishes `data` on the contract's topic of this run, as the service `source` would. */
  async publish<C extends EventContract>(contract: C, data: DataOf<C>, source: string): Promise<void> {
    this.producer ??= (async () => {
      const kafka = new Kafka({ brokers: this.engines.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
      const producer = kafka.producer();
      await producer.connect();
      return producer;
    })();
    const producer = await this.producer;
    const event = createEvent(contract, data, { source, actor: { kind: 'system', id: 'test' } });
    await producer.send({
      topic: this.prefix + contract.topic,
      messages: [{ key: contract.key(data), value: encodeEvent(contract, event) }],
    });
  }

  /**
   * Signs `username` in on the sign-in form the page shows (or opens it) and waits until the console
   * has taken them on, to the page they asked for.
   */
  async signIn(page: Page, username: string): Promise<void> {
    if (page.url() === 'about:blank') await page.goto(`${this.url}/`);
    await page.getByLabel('用户名').waitFor();
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }
}

export const shot = (page: Page, file: string) =>
  page.screenshot({ path: join(SHOTS, file), fullPage: true });

/**
 * Waits until one of the elements shows `text` (failing after `timeout`), then reads it back
 * (playwright-core has no expect of its own).
 */
export async function shows(locator: Locator, text: string, timeout = 20_000): Promise<void> {
  const match = locator.filter({ hasText: text }).first();
  await match.waitFor({ timeout });
  expect(await match.textContent()).toContain(text);
}

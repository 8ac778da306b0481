import { randomBytes } from 'node:crypto';
import { RemediationFundedV1 } from '@buqi/contracts';
import { startTelemetry, type Telemetry } from '@buqi/observability';
import { waitFor } from '@buqi/testing';
import { Escalations } from './orders/escalation/escalations';
import { startServiceApp, type ServiceUnderTest } from './test-fixtures/service-app';

// What Prometheus scrapes from work-orders: the whole app in process, on the real engines, with a
// Prometheus reader as instrumentation.ts starts one when METRICS_TOKEN is set.

const METRICS_TOKEN = randomBytes(32).toString('hex');
let telemetry: Telemetry;
let service: ServiceUnderTest;
let supervisor: string;

beforeAll(async () => {
  // Before the app is built: its meters bind to the provider that is global at that moment.
  telemetry = startTelemetry({ serviceName: 'work-orders', prometheus: true, instrumentations: [] });
  service = await startServiceApp('metrics', { METRICS_TOKEN });
  supervisor = await service.issuer.token({
    sub: 'u-supervisor',
    roles: ['supervisor'],
    department: 'general-affairs',
  });
});

afterAll(async () => {
  await service?.close();
  await telemetry?.shutdown();
});

/** The samples of one scrape: "name{labels}" → value. */
async function scrape(): Promise<Map<string, number>> {
  const res = await fetch(`${service.url}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = new Map<string, number>();
  for (const line of (await res.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}

/** The samples of a metric whose labels include every one given. */
function find(samples: Map<string, number>, name: string, labels: Record<string, string> = {}): number[] {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return [...samples]
    .filter(([key]) => (key === name || key.startsWith(`${name}{`)) && wanted.every((w) => key.includes(w)))
    .map(([, value]) => value);
}

const openOrder = (title: string) =>
  service.call('POST', '/work-orders', {
    token: supervisor,
    body: { title, assetId: 'NY-RR-003', priority: 'P1', taskType: 'fixture-replacement', standardHours: 2 },
  });

describe('work-orders metrics', () => {
  it('refuses a scrape without the token', async () => {
    const res = await fetch(`${service.url}/metrics`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    const wrong = await fetch(`${service.url}/metrics`, {
      headers: { authorization: `Bearer ${randomBytes(32).toString('hex')}` },
    });
    expect(wrong.status).toBe(401);
  });

  it('reports HTTP requests by route, the outbox backlog, the queues’ depth and the consumer group’s lag', async () => {
    expect((await openOrder('卫生间漏水')).status).toBe(201);
    expect((await service.call('GET', '/work-orders', { token: supervisor })).status).toBe(200);
    await service.outboxDrained();

    const group = `${service.prefix}work-orders`;
    // Gauges read by the relay and the admin client come with the first rounds after start.
    const samples = await waitFor('every gauge in a scrape', async () => {
      const s = await scrape();
      return find(s, 'buqi_outbox_pending').length > 0 &&
        find(s, 'buqi_messaging_consumer_lag', { messaging_consumer_group_name: group }).length > 0
        ? s
        : undefined;
    });

    expect(
      find(samples, 'http_server_request_duration_count', {
        http_request_method: 'POST',
        http_route: '/work-orders',
        http_response_status_code: '201',
      }),
    ).toEqual([1]);
    expect(
      find(samples, 'http_server_request_duration_count', {
        http_request_method: 'GET',
        http_route: '/work-orders',
      }),
    ).toEqual([1]);
    expect(find(samples, 'buqi_outbox_pending')).toEqual([expect.any(Number)]);
    expect(find(samples, 'buqi_outbox_oldest_due_age')).toHaveLength(1);
    for (const state of ['waiting', 'delayed', 'active', 'failed'])
      expect(
        find(samples, 'buqi_jobs_queue_depth', {
          messaging_destination_name: 'workorder-escalation',
          buqi_job_state: state,
        }),
      ).toEqual([expect.any(Number)]);
    // The P1 order's next escalation step waits as a delayed job.
    expect(
      find(samples, 'buqi_jobs_queue_depth', {
        messaging_destination_name: 'workorder-escalation',
        buqi_job_state: 'delayed',
      })[0],
    ).toBeGreaterThanOrEqual(1);
    // Every partition of a topic the service consumes, each with its lag.
    const lag = find(samples, 'buqi_messaging_consumer_lag', {
      messaging_consumer_group_name: group,
      messaging_destination_name: RemediationFundedV1.topic,
    });
    expect(lag.length).toBeGreaterThanOrEqual(1);
    for (const l of lag) expect(l).toBeGreaterThanOrEqual(0);
    // Dead-letter counts start at 0 for each topic the group consumes.
    expect(
      find(samples, 'buqi_messaging_consumed_total', {
        messaging_consumer_group_name: group,
        outcome: 'dead-lettered',
      }).length,
    ).toBeGreaterThanOrEqual(1);
    expect(
      find(samples, 'buqi_jobs_failures_total', {
        messaging_destination_name: 'workorder-escalation',
        buqi_job_final: 'true',
      }),
    ).toEqual([0]);
  });

  it('counts the escalation steps sent', async () => {
    const order = (await openOrder('门锁损坏')).body as { id: string };
    // A day on, every step of the P1 ladder is due; the service sends them as its job would.
    const sent = await service.app.get(Escalations).fire(order.id, new Date(Date.now() + 24 * 3600_000));
    expect(sent).toBeGreaterThan(0);

    const samples = await scrape();
    const counted = find(samples, 'buqi_work_orders_escalations_total', { buqi_work_order_priority: 'P1' });
    expect(counted.reduce((a, b) => a + b, 0)).toBe(sent);
  });
});

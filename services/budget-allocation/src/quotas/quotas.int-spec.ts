import { ServiceQuotaV1, TOPICS, decodeEvent, type EnvelopeOf } from '@buqi/contracts';
import { readTopic } from '@buqi/testing';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';

// The service-quota catalogue through the whole service, in process, on the real engines.
let service: ServiceUnderTest;
let finance: string;
let manager: string;
let crew: string;

// The terms of the contract's example (a pothole patch per m²), without what the service sets.
const { taskType: _t, version: _v, effectiveFrom: _f, publishedAt: _p, ...patch } = ServiceQuotaV1.example;

beforeAll(async () => {
  service = await startServiceApp('quotas');
  finance = await service.issuer.token({ sub: 'u-qian', roles: ['finance'] });
  manager = await service.issuer.token({ sub: 'u-wang', roles: ['asset-manager'] });
  crew = await service.issuer.token({ sub: 'u-zhao', roles: ['crew-member'] });
});

afterAll(() => service?.close());

describe('service quotas', () => {
  it('versions a task type by effective date, publishing every version under its own key', async () => {
    const first = { taskType: 'pothole-patch', ...patch, effectiveFrom: '2026-01-01', reason: '2026 定额' };
    expect((await service.call('POST', '/quotas', { token: crew, body: first })).status).toBe(403);
    const defined = await service.call('POST', '/quotas', { token: finance, body: first });
    expect(defined.status).toBe(201);
    expect(defined.body).toMatchObject({
      taskType: 'pothole-patch',
      versions: [{ version: 1, unitPriceFen: 15_500 }],
    });
    expect((await service.call('POST', '/quotas', { token: finance, body: first })).status).toBe(409);

    const second = { ...patch, labourFenPerUnit: 6_500, effectiveFrom: '2027-01-01', reason: '人工单价调整' };
    const added = await service.call('POST', '/quotas/pothole-patch/versions', {
      token: manager,
      body: second,
    });
    expect(added.status).toBe(201);
    expect(added.body['versions']).toMatchObject([
      { version: 1, effectiveFrom: '2026-01-01', effectiveTo: '2027-01-01' },
      { version: 2, effectiveFrom: '2027-01-01', unitPriceFen: 16_000 },
    ]);
    const overlapping = await service.call('POST', '/quotas/pothole-patch/versions', {
      token: finance,
      body: { ...patch, effectiveFrom: '2026-06-01', reason: 'overlap' },
    });
    expect(overlapping).toMatchObject({ status: 422 });
    expect(overlapping.body['detail']).toContain('must be after 2027-01-01');

    const at = async (day: string) =>
      service.call('GET', `/quotas/pothole-patch/in-force?at=${day}`, { token: crew });
    expect((await at('2026-12-31')).body).toMatchObject({ version: 1, labourFenPerUnit: 6_000 });
    expect((await at('2027-01-01')).body).toMatchObject({ version: 2, labourFenPerUnit: 6_500 });
    expect((await at('2025-12-31')).status).toBe(404);
    expect((await service.call('GET', '/quotas/resurfacing', { token: crew })).status).toBe(404);

    await service.outboxDrained();
    const messages = await readTopic(service.kafka, service.prefix + TOPICS.serviceQuota, { atLeast: 3 });
    const published = messages.map((m) => ({
      key: m.key?.toString(),
      data: (decodeEvent(ServiceQuotaV1, m.value) as EnvelopeOf<typeof ServiceQuotaV1>).data,
    }));
    // Ordered per key (one partition each); sorted by key, each key's events keep their order.
    published.sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
    expect(published.map((p) => [p.key, p.data.effectiveTo ?? null])).toEqual([
      ['pothole-patch:1', null],
      ['pothole-patch:1', '2027-01-01'],
      ['pothole-patch:2', null],
    ]);
  });

  it('refuses bad money, hours and unknown fields by name', async () => {
    const base = {
      taskType: 'device-repair',
      ...patch,
      unit: 'unit',
      effectiveFrom: '2026-01-01',
      reason: 'abc',
    };
    for (const [field, value] of [
      ['labourFenPerUnit', -5],
      ['materialsFenPerUnit', 0.5],
      ['standardHoursPerUnit', -1],
    ] as const) {
      const bad = await service.call('POST', '/quotas', {
        token: finance,
        body: { ...base, [field]: value },
      });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body['errors'])).toContain(field);
    }
    const unknown = await service.call('POST', '/quotas', { token: finance, body: { ...base, discount: 1 } });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('discount');
    const badDay = await service.call('POST', '/quotas', {
      token: finance,
      body: { ...base, effectiveFrom: '2026-02-30' },
    });
    expect(badDay.status).toBeGreaterThanOrEqual(400);
    expect(badDay.status).toBeLessThan(500);
  });
});

import { SiteStateV1, TOPICS, decodeEvent, type EnvelopeOf } from '@buqi/contracts';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Db } from 'mongodb';
import { readTopic } from '@buqi/testing';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';
import { SiteRepository } from './persistence/site.repository';

// The sites slice through the whole service, in process: the same app set-up as production, real
// MongoDB (FerretDB), Redis and Kafka, tokens from a test issuer.
let service: ServiceUnderTest;
let manager: string;
let reader: string;
let admin: string;

beforeAll(async () => {
  service = await startServiceApp('sites');
  manager = await service.issuer.token({ sub: 'u-wang', name: '王工', roles: ['asset-manager'] });
  reader = await service.issuer.token({ sub: 'u-li', roles: ['crew-member'] });
  admin = await service.issuer.token({ sub: 'u-admin', roles: ['admin'] });
});

afterAll(() => service?.close());

const call: ServiceUnderTest['call'] = (...args) => service.call(...args);

const plan = { widthM: 400, heightM: 300 };
const square = (x: number, y: number, size: number) => [
  { x, y },
  { x: x + size, y },
  { x: x + size, y: y + size },
  { x, y: y + size },
];

describe('sites', () => {
  it('registers a site, answers it with its version as ETag, and publishes its state', async () => {
    const created = await call('POST', '/sites', {
      token: manager,
      body: { id: 'NY', name: '机关南院', kind: 'government-compound', address: '人民路1号', plan },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/sites/NY');
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      id: 'NY',
      name: '机关南院',
      version: 1,
      zones: [],
      createdBy: 'u-wang',
    });

    const read = await call('GET', '/sites/NY', { token: reader });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const messages = await readTopic(service.kafka, service.prefix + TOPICS.siteState, { atLeast: 1 });
    expect(messages).toHaveLength(1);
    expect(messages[0].key?.toString()).toBe('NY');
    const event = decodeEvent(SiteStateV1, messages[0].value);
    expect(event).toMatchObject({
      actor: { kind: 'user', id: 'u-wang' },
      data: { siteId: 'NY', name: '机关南院', kind: 'government-compound', version: 1, zones: [] },
    });
  });

  it('refuses a body with three bad fields in one 400 that names all three', async () => {
    const res = await call('POST', '/sites', {
      token: manager,
      body: { id: 'ny', name: '机关北院', kind: 'palace', plan: { widthM: -5, heightM: 300 } },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const fields = (res.body['errors'] as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['id', 'kind', 'plan.widthM']);
  });

  it('refuses an unknown field, naming it', async () => {
    const res = await call('POST', '/sites', {
      token: manager,
      body: { id: 'NB', name: '机关北院', kind: 'government-compound', plan, colour: 'red' },
    });
    expect(res.status).toBe(400);
    expect(res.body['errors']).toEqual([expect.objectContaining({ field: 'colour' })]);
  });

  it('turns a domain rule the schema cannot check into a 422 naming the field, never a 500', async () => {
    const res = await call('POST', '/sites/NY/zones', {
      token: manager,
      body: {
        code: 'A',
        name: '主楼区',
        outline: [
          { x: 10, y: 10 },
          { x: 500, y: 10 },
          { x: 10, y: 100 },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body['errors']).toEqual([
      expect.objectContaining({
        field: 'outline[1]',
        reason: expect.stringMatching(/outside the site plan/),
      }),
    ]);
  });

  it('changes a site stored before sites had buildings, rather than failing on the missing list', async () => {
    const db = service.app.get(getConnectionToken()).db as Db;
    const now = new Date('2026-11-01T00:00:00Z');
    await db.collection<{ _id: string } & Record<string, unknown>>('sites').insertOne({
      _id: 'OLD',
      name: '旧院',
      kind: 'government-compound',
      plan,
      zones: [],
      version: 1,
      createdAt: now,
      createdBy: 'u-wang',
      updatedAt: now,
      updatedBy: 'u-wang',
    });
    const added = await call('POST', '/sites/OLD/zones', {
      token: manager,
      body: { code: 'A', name: '主楼区', outline: square(10, 10, 100) },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ buildings: [], zones: [expect.objectContaining({ code: 'A' })] });
    await db.collection<{ _id: string }>('sites').deleteOne({ _id: 'OLD' }); // the list below counts sites
  });

  it('adds zones, refusing a second one with the same code as a conflict', async () => {
    const added = await call('POST', '/sites/NY/zones', {
      token: manager,
      body: { code: 'A', name: '主楼区', outline: square(10, 10, 100) },
    });
    expect(added.status).toBe(201);
    expect(added.headers.get('etag')).toBe('"2"');
    expect(added.body['zones']).toEqual([expect.objectContaining({ zoneId: 'NY-A', code: 'A' })]);

    const again = await call('POST', '/sites/NY/zones', {
      token: manager,
      body: { code: 'A', name: '又一个', outline: square(200, 100, 50) },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'duplicate-zone' });
  });

  it('adds a building in one of its zones, and publishes it with the site', async () => {
    const added = await call('POST', '/sites/NY/buildings', {
      token: manager,
      body: {
        code: 'B01',
        name: '人大办公楼',
        kind: 'office',
        zone: 'A',
        location: { x: 40, y: 50 },
        floors: 6,
        importance: 5,
      },
    });
    expect(added.status).toBe(201);
    expect(added.body['buildings']).toEqual([
      expect.objectContaining({ buildingId: 'NY-B01', zoneId: 'NY-A', importance: 5 }),
    ]);
    const offPlan = await call('POST', '/sites/NY/buildings', {
      token: manager,
      body: {
        code: 'B02',
        name: '食堂',
        kind: 'canteen',
        zone: 'A',
        location: { x: 900, y: 50 },
        floors: 2,
        importance: 2,
      },
    });
    expect(offPlan.status).toBe(422);
    const messages = await readTopic(service.kafka, service.prefix + TOPICS.siteState, { atLeast: 3 });
    const last = decodeEvent(SiteStateV1, messages[messages.length - 1].value) as EnvelopeOf<
      typeof SiteStateV1
    >;
    expect(last.data.buildings).toEqual([
      { buildingId: 'NY-B01', code: 'B01', name: '人大办公楼', zoneId: 'NY-A', importance: 5 },
    ]);
  });

  it('changes a site only at the version the caller read', async () => {
    const missing = await call('PATCH', '/sites/NY', { token: manager, body: { name: '机关南院（新）' } });
    expect(missing.status).toBe(428);

    const stale = await call('PATCH', '/sites/NY', {
      token: manager,
      body: { name: '机关南院（新）' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version-conflict', details: { expected: 1, current: 3 } });

    const changed = await call('PATCH', '/sites/NY', {
      token: manager,
      body: { name: '机关南院（新）' },
      headers: { 'if-match': '"3"' },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"4"');
    expect(changed.body).toMatchObject({ name: '机关南院（新）', version: 4, updatedBy: 'u-wang' });

    const tooSmall = await call('PATCH', '/sites/NY', {
      token: manager,
      body: { plan: { widthM: 50, heightM: 50 } },
      headers: { 'if-match': '"4"' },
    });
    expect(tooSmall.status).toBe(422);
    expect(tooSmall.body['errors']).toEqual([expect.objectContaining({ field: 'plan' })]);
  });

  it('wants a valid token for everything, and the right role to change anything', async () => {
    const body = { id: 'ZX', name: '市政协办公区', kind: 'office-area', plan };
    expect((await call('GET', '/sites')).status).toBe(401);
    for (const bad of [
      await service.issuer.expiredToken({ roles: ['asset-manager'] }),
      await service.issuer.otherKeyToken({ roles: ['asset-manager'] }),
      service.issuer.unsignedToken({ roles: ['asset-manager'] }),
      await service.issuer.hs256Token({ roles: ['asset-manager'] }),
    ]) {
      const res = await call('POST', '/sites', { token: bad, body });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    const forbidden = await call('POST', '/sites', { token: reader, body });
    expect(forbidden.status).toBe(403);
    expect((await call('GET', '/sites/ZX', { token: reader })).status).toBe(404);
  });

  it('refuses query operators in a body or a query', async () => {
    const inBody = await call('POST', '/sites', {
      token: manager,
      body: { id: 'TG', name: { $gt: '' }, kind: 'housing-estate', plan },
    });
    expect(inBody.status).toBe(400);
    expect(inBody.body['errors']).toEqual([expect.objectContaining({ field: 'name' })]);
    const inQuery = await call('GET', '/sites?kind[$ne]=office-area', { token: reader });
    expect(inQuery.status).toBe(400);
  });

  it('treats an operator that reaches the repository as a literal, so it cannot match every site', async () => {
    // Validation stops operators at the edge; this is the layer behind it (Mongoose's sanitizeFilter).
    const sites = service.app.get(SiteRepository);
    await expect(sites.get({ $gt: '' } as unknown as string)).rejects.toMatchObject({ name: 'CastError' });
  });

  it('lists sites a page at a time, filtered and sorted', async () => {
    for (const [id, name, kind] of [
      ['JS', '家属区', 'housing-estate'],
      ['TG', '团购房小区', 'housing-estate'],
      ['WW', '外围统管院区', 'managed-compound'],
    ] as const) {
      expect((await call('POST', '/sites', { token: manager, body: { id, name, kind, plan } })).status).toBe(
        201,
      );
    }
    const first = await call('GET', '/sites?kind=housing-estate&pageSize=1&sort=-name', { token: reader });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 1, total: 2 });
    const second = await call('GET', '/sites?kind=housing-estate&pageSize=1&page=2&sort=-name', {
      token: reader,
    });
    const names = [first, second].map((r) => (r.body['items'] as { name: string }[])[0].name);
    // Names sort by code point (家 U+5BB6 after 团 U+56E2), not by pinyin: FerretDB has no collations.
    expect(names).toEqual(['家属区', '团购房小区']);
    const all = await call('GET', '/sites', { token: reader });
    expect(all.body['total']).toBe(4);
    expect((await call('GET', '/sites?pageSize=500', { token: reader })).status).toBe(400);
  });

  it('records every change on the audit trail, which only administrators read', async () => {
    expect((await call('GET', '/admin/audit', { token: manager })).status).toBe(403);
    const audit = await call('GET', '/admin/audit?resourceType=site&resourceId=NY', { token: admin });
    expect(audit.status).toBe(200);
    const actions = (audit.body['items'] as { action: string; actor: { id: string }; ip?: string }[]).map(
      (r) => `${r.action} by ${r.actor.id}`,
    );
    expect(actions).toEqual([
      'site.revise by u-wang',
      'site.add-building by u-wang',
      'site.add-zone by u-wang',
      'site.register by u-wang',
    ]);
  });

  it('answers with security headers and documents the slice in OpenAPI', async () => {
    const res = await fetch(`${service.url}/sites`, { headers: { authorization: `Bearer ${reader}` } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const docs = (await (await fetch(`${service.url}/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining(['/sites', '/sites/{siteId}', '/sites/{siteId}/zones']),
    );
  });
});

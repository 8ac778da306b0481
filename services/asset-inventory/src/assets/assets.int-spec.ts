import { AssetStateV1, TOPICS, decodeEvent, type EnvelopeOf } from '@buqi/contracts';
import { DEVICE_KEY_STORE, type DeviceKeyStore, verifyDeviceKey } from '@buqi/auth';
import { readTopic } from '@buqi/testing';
import {
  deviceBody as campusDevice,
  restroomBody as campusRestroom,
  roadBody as campusRoad,
  seedCampus,
} from '../test-fixtures/campus';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';

// The assets slice through the whole service, in process, on the real engines.
let service: ServiceUnderTest;
let manager: string;
let reader: string;

const roadBody = campusRoad();
const restroomBody = campusRestroom('NY-RR-003', {
  restroom: { ...campusRestroom().restroom, restroomClass: 'class-1' },
});
const deviceBody = campusDevice('NY-DV-001', 'NY-RR-003');
deviceBody.device.reportingIntervalSeconds = 300;

beforeAll(async () => {
  service = await startServiceApp('assets');
  manager = await service.issuer.token({ sub: 'u-wang', roles: ['asset-manager'] });
  reader = await service.issuer.token({ sub: 'u-li', roles: ['crew-member'] });
  await seedCampus(service, manager);
});

afterAll(() => service?.close());

describe('assets', () => {
  it('registers a road segment with its defaults and publishes its state', async () => {
    const created = await service.call('POST', '/road-segments', { token: manager, body: roadBody });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/assets/NY-RD-012');
    expect(created.body).toMatchObject({
      code: 'NY-RD-012',
      assetClass: 'road-segment',
      siteId: 'NY',
      status: 'in-service',
      version: 1,
      // area = 120 × 7; CJJ 36 by default; an arterial's carriageway is a main carriageway: 5 g/m²
      road: { areaM2: 840, conditionMethod: 'cjj36', dustStandardGPerM2: 5 },
    });
    const messages = await readTopic(service.kafka, service.prefix + TOPICS.assetState, { atLeast: 1 });
    const state = decodeEvent(AssetStateV1, messages[0].value) as EnvelopeOf<typeof AssetStateV1>;
    expect(messages[0].key?.toString()).toBe('NY-RD-012');
    expect(state.data).toMatchObject({
      assetId: 'NY-RD-012',
      assetClass: 'road-segment',
      zoneId: 'NY-A',
      department: 'general-affairs',
      size: { areaM2: 840, lengthM: 120 },
      version: 1,
    });
  });

  it('registers a restroom in its building and a device that watches it, with a key shown once', async () => {
    expect((await service.call('POST', '/restrooms', { token: manager, body: restroomBody })).status).toBe(
      201,
    );
    const device = await service.call('POST', '/monitoring-devices', { token: manager, body: deviceBody });
    expect(device.status).toBe(201);
    const apiKey = device.body['apiKey'] as string;
    // bqd_<keyId>_<secret>: the secret is base64url, so it may hold "_" itself.
    const [, keyId, secret] = /^bqd_([0-9a-f]{16})_(.{43})$/.exec(apiKey) ?? [];
    expect(secret).toHaveLength(43);
    const read = await service.call('GET', '/assets/NY-DV-001', { token: reader });
    expect(read.body).toMatchObject({ deviceKey: { keyId, revoked: false } });
    expect(JSON.stringify(read.body)).not.toContain(secret);

    // The key authenticates the device, through the store the device guard uses.
    const store = service.app.get<DeviceKeyStore>(DEVICE_KEY_STORE);
    const stored = await store.find(apiKey.split('_')[1]);
    expect(stored).toMatchObject({ deviceId: 'NY-DV-001', revoked: false });
    expect(verifyDeviceKey(apiKey, stored?.hash ?? '')).toBe(true);

    // Rotated: the old key's id is gone, the new one works; revoked: refused.
    const rotated = await service.call('POST', '/monitoring-devices/NY-DV-001/key', { token: manager });
    const newKey = rotated.body['apiKey'] as string;
    expect(await store.find(apiKey.split('_')[1])).toBeUndefined();
    expect(await store.find(newKey.split('_')[1])).toMatchObject({ deviceId: 'NY-DV-001', revoked: false });
    expect(
      (await service.call('DELETE', '/monitoring-devices/NY-DV-001/key', { token: manager })).status,
    ).toBe(200);
    expect(await store.find(newKey.split('_')[1])).toMatchObject({ revoked: true });
  });

  it('refuses an asset that is not of its site, not on its plan, or watching nothing', async () => {
    const wrongSite = await service.call('POST', '/road-segments', {
      token: manager,
      body: { ...roadBody, code: 'ZZ-RD-001' },
    });
    expect(wrongSite.status).toBe(422);
    expect(wrongSite.body['errors']).toEqual([expect.objectContaining({ field: 'code' })]);
    const offPlan = await service.call('POST', '/road-segments', {
      token: manager,
      body: { ...roadBody, code: 'NY-RD-013', location: { x: 999, y: 1 } },
    });
    expect(offPlan.status).toBe(422);
    const blind = await service.call('POST', '/monitoring-devices', {
      token: manager,
      body: {
        ...deviceBody,
        code: 'NY-DV-002',
        device: { ...deviceBody.device, watches: { assetId: 'NY-RR-999' } },
      },
    });
    expect(blind.status).toBe(422);
    expect(blind.body['errors']).toEqual([expect.objectContaining({ field: 'device.watches.assetId' })]);
    const twice = await service.call('POST', '/road-segments', { token: manager, body: roadBody });
    expect(twice.status).toBe(409);
    const notMine = await service.call('POST', '/road-segments', {
      token: reader,
      body: { ...roadBody, code: 'NY-RD-014' },
    });
    expect(notMine.status).toBe(403);
  });

  it('revises an asset only at the version read, and keeps a device’s key', async () => {
    const { code: _code, ...description } = roadBody;
    const stale = await service.call('PUT', '/road-segments/NY-RD-012', {
      token: manager,
      body: { ...description, criticality: 5 },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(409);
    const revised = await service.call('PUT', '/road-segments/NY-RD-012', {
      token: manager,
      body: { ...description, criticality: 5 },
      headers: { 'if-match': '"1"' },
    });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ criticality: 5, version: 2 });
    const wrongClass = await service.call('PUT', '/restrooms/NY-RD-012', {
      token: manager,
      body: (({ code: _c, ...rest }) => rest)(restroomBody),
      headers: { 'if-match': '"2"' },
    });
    expect(wrongClass.status).toBe(422);
  });

  it('lists assets a page at a time, filtered by class and department', async () => {
    const page = await service.call('GET', '/assets?assetClass=restroom', { token: reader });
    expect(page.body).toMatchObject({ total: 1, items: [expect.objectContaining({ code: 'NY-RR-003' })] });
    const all = await service.call('GET', '/assets?department=general-affairs&sort=-criticality&pageSize=2', {
      token: reader,
    });
    expect(all.body).toMatchObject({ total: 3, pageSize: 2 });
    expect((all.body['items'] as { criticality: number }[])[0].criticality).toBe(5);
    expect((await service.call('GET', '/assets?assetClass=bridge', { token: reader })).status).toBe(400);
  });
});

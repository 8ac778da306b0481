import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Admin, Producer } from 'kafkajs';
import { AssetStateV1, encodeEvent, type DataOf } from '@buqi/contracts';
import { createEvent } from '@buqi/messaging';
import { Redis } from 'ioredis';
import { engineEnv, waitForGroupAtEnd } from '@buqi/testing';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';

// Occupants' reports through the whole service, in process, on the real engines.
let service: ServiceUnderTest;
let producer: Producer;
let admin: Admin;
const token: Record<string, string> = {};

beforeAll(async () => {
  // Limits are counted per address in the shared Redis, across runs: start this suite's afresh.
  const redis = new Redis(engineEnv()['REDIS_URL'] as string);
  const counted = await redis.keys('buqi:ratelimit:work-orders:occupant-*');
  if (counted.length) await redis.del(...counted);
  await redis.quit();
  service = await startServiceApp('requests', {
    EVIDENCE_DIR: mkdtempSync(join(tmpdir(), 'buqi-evidence-')),
  });
  const people = {
    supervisor: { roles: ['supervisor'], department: 'general-affairs' },
    otherSupervisor: { roles: ['supervisor'], department: 'security' },
    crew: { roles: ['crew-member'], crew: 'crew-restrooms-1' },
  };
  for (const [who, claims] of Object.entries(people))
    token[who] = await service.issuer.token({ sub: `u-${who}`, ...claims });
  producer = service.kafka.producer();
  admin = service.kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  const restroom: DataOf<typeof AssetStateV1> = {
    ...AssetStateV1.example,
    assetId: 'NY-RR-003',
    assetClass: 'restroom',
    name: '南院办公楼二层卫生间',
    department: 'general-affairs',
  };
  const event = createEvent(AssetStateV1, restroom, {
    source: 'asset-inventory',
    actor: { kind: 'system', id: 'test' },
  });
  const topic = service.prefix + AssetStateV1.topic;
  await producer.send({
    topic,
    messages: [{ key: restroom.assetId, value: encodeEvent(AssetStateV1, event) }],
  });
  await waitForGroupAtEnd(admin, `${service.prefix}work-orders`, topic);
});

afterAll(async () => {
  await Promise.all([producer?.disconnect(), admin?.disconnect()]);
  await service?.close();
});

const anonymous = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  service.call(method, path, { ...(body !== undefined && { body }), ...(headers && { headers }) });
const call = (method: string, path: string, who: string, body?: unknown) =>
  service.call(method, path, { token: token[who], ...(body !== undefined && { body }) });

describe('occupants’ reports', () => {
  let trackingUrl: string;
  let reference: string;

  it('turn into a work order of the asset’s department, followed through a tracking link', async () => {
    const sent = await anonymous('POST', '/requests', {
      assetId: 'NY-RR-003',
      category: 'leak',
      description: '男卫生间洗手台下漏水',
      phone: '13812345678',
    });
    expect(sent.status).toBe(201);
    ({ trackingUrl, reference } = sent.body as { trackingUrl: string; reference: string });
    expect(trackingUrl).toMatch(/^\/requests\/track\/[A-Za-z0-9_-]{32}$/);

    const order = (await call('GET', `/work-orders/${reference}`, 'supervisor')).body;
    expect(order).toMatchObject({
      source: 'request',
      department: 'general-affairs',
      priority: 'P2',
      taskType: 'plumbing-repair',
    });
    expect(JSON.stringify(order)).not.toContain('13812345678');

    const tracked = await anonymous('GET', trackingUrl);
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({ reference, state: 'new', timeline: [{ what: 'received' }] });
    expect(JSON.stringify(tracked.body)).not.toContain('u-');
    expect((await anonymous('GET', '/requests/track/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);

    // A photo of the leak, through the link; a text file sent as an image is refused.
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('洗手台下方照片')]);
    const send = (body: Buffer, type: string) =>
      fetch(`${service.url}${trackingUrl}/photos`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
    const photographed = await send(jpeg, 'image/jpeg');
    expect(photographed.status).toBe(200);
    expect(((await photographed.json()) as { photos: number }).photos).toBe(1);
    expect((await send(Buffer.from('not a photo'), 'image/jpeg')).status).toBe(415);
    const withPhoto = (await call('GET', `/work-orders/${reference}`, 'supervisor')).body as {
      photos: { by: string }[];
    };
    expect(withPhoto.photos).toEqual([expect.objectContaining({ by: 'occupant-report' })]);
  });

  it('take the reporter’s rating once the work is done, and only once', async () => {
    const feedback = `${trackingUrl}/feedback`;
    expect((await anonymous('POST', feedback, { rating: 5 })).status).toBe(409);
    for (const [action, body] of [
      ['assign', { assignee: { kind: 'crew', id: 'crew-restrooms-1' } }],
      ['start', {}],
      ['complete', { notes: '更换角阀', labourHours: 1, materials: [], checklist: [] }],
    ] as const)
      expect(
        (
          await call(
            'POST',
            `/work-orders/${reference}/${action}`,
            action === 'assign' ? 'supervisor' : 'crew',
            body,
          )
        ).status,
      ).toBe(200);
    const rated = await anonymous('POST', feedback, { rating: 5, comment: '修得很快' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ state: 'completed', feedback: { rating: 5 } });
    expect((await anonymous('POST', feedback, { rating: 1 })).status).toBe(409);
  });

  it('show the phone number whole only to the order’s supervisor', async () => {
    const path = `/requests/by-order/${reference}/contact`;
    expect((await call('GET', path, 'supervisor')).body).toEqual({ phone: '13812345678', masked: false });
    expect((await call('GET', path, 'otherSupervisor')).body).toEqual({ phone: '138****5678', masked: true });
    expect((await call('GET', path, 'crew')).status).toBe(403);
  });

  it('refuse an unknown asset and bad fields, and a flood with 429 while signed-in users go on', async () => {
    const unknown = await anonymous('POST', '/requests', {
      assetId: 'NY-RR-999',
      category: 'leak',
      description: '漏水',
    });
    expect(unknown.status).toBe(422);
    const bad = await anonymous('POST', '/requests', {
      assetId: 'x',
      category: 'fire',
      description: '',
      admin: true,
    });
    expect(bad.status).toBe(400);
    expect((bad.body['errors'] as unknown[]).length).toBeGreaterThanOrEqual(4);

    const device = { 'x-device-id': 'kiosk-0001-abcdef' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await anonymous(
            'POST',
            '/requests',
            { assetId: 'NY-RR-003', category: 'dirty', description: `地面湿滑 ${i}` },
            device,
          )
        ).status,
      );
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(statuses[5]).toBe(429);

    // The address's own limit (20 an hour) runs out too; signed-in users are not counted by it.
    let last = 0;
    for (let i = 0; i < 20 && last !== 429; i++)
      last = (
        await anonymous('POST', '/requests', {
          assetId: 'NY-RR-003',
          category: 'other',
          description: `测试 ${i}`,
        })
      ).status;
    expect(last).toBe(429);
    expect((await call('GET', '/work-orders', 'supervisor')).status).toBe(200);
  });
});

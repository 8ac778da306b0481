import { createHash, randomBytes } from 'node:crypto';
import { testEngines } from '@buqi/testing';
import { startServiceApp, type ServiceUnderTest } from '../../test-fixtures/service-app';

// A crew's photo through the work-orders API with EVIDENCE_STORE=s3: kept in the bucket under the
// order and the photo's hash, and served back from there to the supervisor.
const { S3_URL } = testEngines();
let service: ServiceUnderTest;
const token: Record<string, string> = {};

beforeAll(async () => {
  service = await startServiceApp('photos_s3', {
    EVIDENCE_STORE: 's3',
    EVIDENCE_S3_ENDPOINT: S3_URL,
    EVIDENCE_S3_BUCKET: 'buqi-evidence',
    EVIDENCE_S3_PATH_STYLE: 'true',
    EVIDENCE_S3_ACCESS_KEY_ID: 'buqi-local',
    EVIDENCE_S3_SECRET_ACCESS_KEY: 'not-checked-by-the-local-store',
  });
  token['supervisor'] = await service.issuer.token({
    sub: 'u-supervisor',
    roles: ['supervisor'],
    department: 'general-affairs',
  });
  token['crew'] = await service.issuer.token({ sub: 'u-crew', roles: ['crew-member'], crew: 'crew-roads-1' });
});

afterAll(() => service?.close());

const call = (method: string, path: string, who: string, body?: unknown) =>
  service.call(method, path, { token: token[who], ...(body !== undefined && { body }) });

it('keeps a crew’s photo in the bucket and serves it back from there', async () => {
  const opened = await call('POST', '/work-orders', 'supervisor', {
    title: '南院主干道坑槽修补',
    assetId: 'NY-RD-012',
    priority: 'P3',
    taskType: 'pothole-patch',
    standardHours: 2,
  });
  expect(opened.status).toBe(201);
  const id = (opened.body as { id: string }).id;
  expect(
    (
      await call('POST', `/work-orders/${id}/assign`, 'supervisor', {
        assignee: { kind: 'crew', id: 'crew-roads-1' },
      })
    ).status,
  ).toBe(200);
  expect((await call('POST', `/work-orders/${id}/start`, 'crew', {})).status).toBe(200);

  const jpeg = Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    Buffer.from(`修补前 ${id}`),
    randomBytes(16),
  ]);
  const added = await fetch(`${service.url}/work-orders/${id}/photos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token['crew']}`, 'content-type': 'image/jpeg' },
    body: jpeg,
  });
  expect(added.status).toBe(200);
  const [photo] = ((await added.json()) as { photos: { id: string }[] }).photos;
  const hash = createHash('sha256').update(jpeg).digest('hex');
  expect(photo?.id).toBe(hash);

  // In the bucket itself, where any S3 client finds it.
  const raw = await fetch(`${S3_URL}/buqi-evidence/${id}/${hash}`);
  expect(raw.status).toBe(200);
  expect(Buffer.from(await raw.arrayBuffer()).equals(jpeg)).toBe(true);

  // Served back through the API from the bucket.
  const got = await fetch(`${service.url}/work-orders/${id}/photos/${hash}`, {
    headers: { authorization: `Bearer ${token['supervisor']}` },
  });
  expect(got.status).toBe(200);
  expect(got.headers.get('content-type')).toBe('image/jpeg');
  expect(Buffer.from(await got.arrayBuffer()).equals(jpeg)).toBe(true);
});

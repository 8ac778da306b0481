import { createHash, randomBytes } from 'node:crypto';
import { testEngines } from '@buqi/testing';
import { S3EvidenceStore } from './s3-evidence-store';

// Photos in an S3-compatible bucket, on the local object store the engines script runs (the same
// S3 REST protocol a MinIO or a cloud bucket speaks; the local one checks no signatures).
const { S3_URL } = testEngines();
const credentials = { accessKeyId: 'buqi-local', secretAccessKey: 'not-checked-by-the-local-store' };
const store = new S3EvidenceStore({
  bucket: 'buqi-evidence',
  region: 'us-east-1',
  endpoint: S3_URL,
  pathStyle: true,
  credentials,
});

function photo(): { bytes: Buffer; key: string } {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(64 * 1024)]);
  return {
    bytes,
    key: `wo-s3-${randomBytes(4).toString('hex')}/${createHash('sha256').update(bytes).digest('hex')}`,
  };
}

describe('evidence in an S3-compatible bucket', () => {
  it('keeps a photo as one object under its key and gives the same bytes back', async () => {
    const { bytes, key } = photo();
    await store.put(key, bytes);
    expect((await store.get(key))?.equals(bytes)).toBe(true);

    // It is in the bucket itself, where any S3 client finds it.
    const raw = await fetch(`${S3_URL}/buqi-evidence/${key}`);
    expect(raw.status).toBe(200);
    expect(Buffer.from(await raw.arrayBuffer()).equals(bytes)).toBe(true);

    // The same photo again is the same object.
    await store.put(key, bytes);
    expect((await store.get(key))?.length).toBe(bytes.length);
  });

  it('answers undefined for a photo it does not hold', async () => {
    expect(await store.get(photo().key)).toBeUndefined();
  });

  it('refuses a key the service does not make, before any request', async () => {
    await expect(store.put('../escape/x', Buffer.from('x'))).rejects.toThrow('not an evidence key');
    await expect(store.get('wo-1/not-a-hash')).rejects.toThrow('not an evidence key');
  });

  it('fails loudly when the bucket does not exist', async () => {
    const elsewhere = new S3EvidenceStore({
      bucket: 'no-such-bucket',
      region: 'us-east-1',
      endpoint: S3_URL,
      pathStyle: true,
      credentials,
    });
    const { bytes, key } = photo();
    await expect(elsewhere.put(key, bytes)).rejects.toThrow();
  });
});

import { generateDeviceKey, hashDeviceKey, parseDeviceKey, verifyDeviceKey } from './device-key';

describe('device keys', () => {
  it('generates bqd_<keyId>_<secret> with a 256-bit secret and its SHA-256', () => {
    const { keyId, key, hash } = generateDeviceKey();
    expect(key).toMatch(/^bqd_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(`bqd_${keyId}_`)).toBe(true);
    expect(Buffer.from(key.split('_').slice(2).join('_'), 'base64url')).toHaveLength(32);
    expect(hash).toBe(hashDeviceKey(key));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never repeats a key', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateDeviceKey().key));
    expect(keys.size).toBe(200);
  });

  it('parses its own keys, including secrets containing _ and -', () => {
    const key = `bqd_0123456789abcdef_${'_-'.repeat(21)}A`;
    expect(parseDeviceKey(key)).toEqual({ keyId: '0123456789abcdef', secret: `${'_-'.repeat(21)}A` });
  });

  it.each([
    '',
    'bqd_',
    'bqd_0123456789abcdef',
    'bqd_0123456789ABCDEF_' + 'a'.repeat(43),
    'bqd_0123456789abcdef_' + 'a'.repeat(42),
    'bqd_0123456789abcdef_' + 'a'.repeat(44),
    'xyz_0123456789abcdef_' + 'a'.repeat(43),
    ' bqd_0123456789abcdef_' + 'a'.repeat(43),
  ])('refuses the malformed key %j', (key) => {
    expect(parseDeviceKey(key)).toBeUndefined();
    expect(verifyDeviceKey(key, hashDeviceKey(key))).toBe(false);
  });

  it('verifies the right key', () => {
    const { key, hash } = generateDeviceKey();
    expect(verifyDeviceKey(key, hash)).toBe(true);
  });

  it('refuses a wrong key, even one with the same key id', () => {
    const { keyId, hash } = generateDeviceKey();
    const other = generateDeviceKey().key.replace(/^bqd_[0-9a-f]{16}_/, `bqd_${keyId}_`);
    expect(verifyDeviceKey(other, hash)).toBe(false);
  });

  it('refuses when the stored hash is malformed', () => {
    const { key, hash } = generateDeviceKey();
    expect(verifyDeviceKey(key, hash.slice(1))).toBe(false);
    expect(verifyDeviceKey(key, hash.toUpperCase().replace(/[0-9]/g, 'Z'))).toBe(false);
  });
});

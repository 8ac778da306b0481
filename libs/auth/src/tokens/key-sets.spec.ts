import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { jwtVerify } from 'jose';
import { createTestIssuer, type TestIssuer } from '@buqi/testing';
import { fileKeySet, keySetFor } from './key-sets';
import { KeySetUnavailableError } from './token-errors';

describe('key sets', () => {
  let issuer: TestIssuer;
  beforeEach(async () => (issuer = await createTestIssuer()));
  afterEach(() => issuer.close());

  describe('file', () => {
    it('is chosen for a file: URL', async () => {
      await expect(jwtVerify(await issuer.token(), keySetFor(issuer.jwksUrl))).resolves.toBeDefined();
    });

    it('re-reads on an unknown kid at most once per cooldown', async () => {
      let now = 0;
      const keys = fileKeySet(fileURLToPath(issuer.jwksUrl), { cooldownMs: 30_000, now: () => now });
      await jwtVerify(await issuer.token(), keys);

      await issuer.rotate();
      now = 10_000;
      await expect(jwtVerify(await issuer.token(), keys)).rejects.toThrow('no applicable key');
      now = 30_000;
      await expect(jwtVerify(await issuer.token(), keys)).resolves.toBeDefined();
    });
  });

  describe('remote', () => {
    let server: Server;
    let served = 0;
    let url: string;

    beforeEach(async () => {
      served = 0;
      server = createServer((_req, res) => {
        served += 1;
        void readFile(fileURLToPath(issuer.jwksUrl), 'utf8').then((body) => {
          res.setHeader('content-type', 'application/json');
          res.end(body);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    });
    // Closing an already closed server reports an error, which does not matter here.
    afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('fetches once, serves later tokens from its cache, and fetches again for a new kid', async () => {
      const keys = keySetFor(url, { cooldownMs: 0 });
      await jwtVerify(await issuer.token(), keys);
      await jwtVerify(await issuer.token(), keys);
      expect(served).toBe(1);

      await issuer.rotate();
      await expect(jwtVerify(await issuer.token(), keys)).resolves.toBeDefined();
      expect(served).toBe(2);
    });

    it('reports an unreachable key set as unavailable', async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await expect(jwtVerify(await issuer.token(), keySetFor(url))).rejects.toBeInstanceOf(
        KeySetUnavailableError,
      );
    });
  });
});

import { runCheck } from './run-check';

describe('runCheck', () => {
  it('reports up with the latency', async () => {
    expect(await runCheck({ name: 'x', check: async () => 'pong' })).toEqual({
      status: 'up',
      latencyMs: expect.any(Number),
    });
  });

  it('reports down with the reason when the check rejects or throws', async () => {
    expect(await runCheck({ name: 'x', check: () => Promise.reject(new Error('refused')) })).toMatchObject({
      status: 'down',
      error: 'refused',
    });
    const throwing = () => {
      throw new Error('sync failure');
    };
    expect(await runCheck({ name: 'x', check: throwing })).toMatchObject({
      status: 'down',
      error: 'sync failure',
    });
    expect(await runCheck({ name: 'x', check: () => Promise.reject('plain') })).toMatchObject({
      status: 'down',
      error: 'plain',
    });
  });

  it('gives up after the timeout', async () => {
    const result = await runCheck({ name: 'x', timeoutMs: 20, check: () => new Promise(() => undefined) });
    expect(result).toMatchObject({ status: 'down', error: 'no answer within 20 ms' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(15);
  });
});

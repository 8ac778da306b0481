import { uniqueDatabaseName, uniqueName } from './test-engines';
import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first truthy value of the probe', async () => {
    let n = 0;
    await expect(waitFor('n to reach 3', () => (++n >= 3 ? n : undefined), { intervalMs: 1 })).resolves.toBe(
      3,
    );
  });

  it('fails naming what it waited for and the last error', async () => {
    await expect(
      waitFor(
        'the broker',
        () => {
          throw new Error('ECONNREFUSED');
        },
        { timeoutMs: 20, intervalMs: 5 },
      ),
    ).rejects.toThrow(/timed out after 20 ms waiting for the broker: Error: ECONNREFUSED/);
  });
});

describe('uniqueName', () => {
  it('gives distinct names usable as database names and topic prefixes', () => {
    const a = uniqueName('msg');
    expect(a).toMatch(/^msg_[a-z0-9]+_[0-9a-f]{6}$/);
    expect(uniqueName('msg')).not.toBe(a);
    expect(uniqueDatabaseName('work-orders')).toMatch(/^buqi_test_work_orders_[a-z0-9]+_[0-9a-f]{6}$/);
  });
});

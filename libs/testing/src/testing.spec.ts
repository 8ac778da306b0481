import { numberArg } from './bench-args';
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

describe('numberArg', () => {
  it('reads --name=value, falls back when absent and names a bad value', () => {
    expect(numberArg('devices', 100, ['node', 'bench', '--devices=250'])).toBe(250);
    expect(numberArg('devices', 100, ['node', 'bench'])).toBe(100);
    expect(() => numberArg('devices', 100, ['--devices=none'])).toThrow(
      '--devices must be a positive number',
    );
    expect(() => numberArg('devices', 100, ['--devices=0'])).toThrow('--devices=0');
  });
});

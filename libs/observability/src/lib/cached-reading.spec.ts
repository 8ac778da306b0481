import { CachedReading } from './cached-reading';

/** A read whose answers the test hands out one at a time. */
function controlledRead() {
  const pending: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  const read = jest.fn(() => new Promise<number>((resolve, reject) => pending.push({ resolve, reject })));
  return { read, pending };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('CachedReading', () => {
  it('reads at most once per maxAge, whoever asks', async () => {
    let now = 0;
    let n = 0;
    const read = jest.fn(async () => ++n);
    const cached = new CachedReading(read, { maxAgeMs: 15_000, waitMs: 1_000, clock: () => now });

    await expect(cached.get()).resolves.toBe(1);
    now = 14_999;
    await expect(cached.get()).resolves.toBe(1);
    now = 15_000;
    await expect(cached.get()).resolves.toBe(2);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('keeps a caller waiting no longer than waitMs; the slow reading serves later callers', async () => {
    let now = 0;
    const { read, pending } = controlledRead();
    const cached = new CachedReading(read, { maxAgeMs: 15_000, waitMs: 20, clock: () => now });

    const started = Date.now();
    await expect(cached.get()).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_000);

    pending[0].resolve(7);
    await tick();
    now = 1_000;
    await expect(cached.get()).resolves.toBe(7);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('runs one reading at a time, even when the value is stale again before it ends', async () => {
    let now = 0;
    const { read, pending } = controlledRead();
    const cached = new CachedReading(read, { maxAgeMs: 100, waitMs: 50, clock: () => now });

    await cached.get();
    now = 500;
    await cached.get();
    expect(read).toHaveBeenCalledTimes(1);
    pending[0].resolve(1);
    await tick();
    now = 1_000;
    const next = cached.get();
    await tick();
    pending[1].resolve(2);
    await expect(next).resolves.toBe(2);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('keeps the last good value when a reading fails, and tells onError', async () => {
    let now = 0;
    let fail = false;
    const onError = jest.fn();
    const cached = new CachedReading(
      async () => {
        if (fail) throw new Error('engine away');
        return 3;
      },
      { maxAgeMs: 10, waitMs: 1_000, onError, clock: () => now },
    );

    await expect(cached.get()).resolves.toBe(3);
    fail = true;
    now = 100;
    await expect(cached.get()).resolves.toBe(3);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'engine away' }));
  });

  it('reads again after a read that throws at once', async () => {
    let now = 0;
    let calls = 0;
    const cached = new CachedReading(
      () => {
        calls++;
        if (calls === 1) throw new Error('synchronous');
        return Promise.resolve(calls);
      },
      { maxAgeMs: 10, waitMs: 1_000, clock: () => now },
    );

    await expect(cached.get()).resolves.toBeUndefined();
    now = 100;
    await expect(cached.get()).resolves.toBe(2);
  });
});

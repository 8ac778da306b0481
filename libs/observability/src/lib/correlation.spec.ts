import { correlation, isAcceptableCorrelationId, newCorrelationId } from './correlation';

describe('correlation', () => {
  it('is undefined outside a run', () => {
    expect(correlation.current()).toBeUndefined();
  });

  it('follows awaits and timers, and nested runs do not leak', async () => {
    const seen = await correlation.run('outer', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const inner = correlation.run('inner', () => correlation.current());
      return [correlation.current(), inner];
    });
    expect(seen).toEqual(['outer', 'inner']);
  });

  it('keeps concurrent runs apart', async () => {
    const one = correlation.run('a', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return correlation.current();
    });
    const two = correlation.run('b', async () => correlation.current());
    expect(await Promise.all([one, two])).toEqual(['a', 'b']);
  });

  it('makes fresh ids that are acceptable, and rejects unsafe ones', () => {
    const id = newCorrelationId();
    expect(id).not.toBe(newCorrelationId());
    expect(isAcceptableCorrelationId(id)).toBe(true);
    expect(isAcceptableCorrelationId('req-1:abc.def_2')).toBe(true);
    for (const bad of [undefined, '', 'a b', 'x\ny', 'x'.repeat(129)])
      expect(isAcceptableCorrelationId(bad)).toBe(false);
  });
});

import { resolveJobsOptions } from './jobs.options';

describe('resolveJobsOptions', () => {
  it("defaults to the 'buqi' prefix, 4 jobs at once and a 10 s shutdown wait", () => {
    expect(resolveJobsOptions({})).toEqual({ prefix: 'buqi', concurrency: 4, shutdownTimeoutMs: 10_000 });
    expect(resolveJobsOptions({ prefix: 'staging' }).prefix).toBe('staging');
  });

  it('refuses a prefix with the key separator and a concurrency below 1', () => {
    expect(() => resolveJobsOptions({ prefix: 'a:b' })).toThrow('jobs prefix "a:b" must be');
    expect(() => resolveJobsOptions({ concurrency: 0 })).toThrow(
      'jobs concurrency must be a positive integer',
    );
  });
});

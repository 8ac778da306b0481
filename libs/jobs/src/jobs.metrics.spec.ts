import { depthOf } from './jobs.metrics';

describe('depthOf', () => {
  it('counts prioritized and paused jobs as waiting, and missing states as none', () => {
    expect(depthOf('q', { waiting: 2, prioritized: 1, paused: 3, delayed: 4, active: 1 })).toEqual({
      queue: 'q',
      counts: { waiting: 6, delayed: 4, active: 1, failed: 0 },
    });
  });
});

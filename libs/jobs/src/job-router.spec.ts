import { UnrecoverableError } from 'bullmq';
import { correlation } from '@buqi/observability';
import type { JobContext } from './job-processor.decorator';
import type { RoutedHandler } from './job-processor.registry';
import { routeJobs, type RoutedJob } from './job-router';

function job(name: string, data: RoutedJob['data'], attemptsMade = 0): RoutedJob {
  return { id: `${name}-1`, name, data, attemptsMade, opts: { attempts: 5 } };
}

describe('routeJobs', () => {
  it("hands each job to the handler of its name, without the library's _meta", async () => {
    const seen: [string, object, JobContext][] = [];
    const record =
      (handler: string): RoutedHandler =>
      async (data, context) => {
        seen.push([handler, data, context]);
      };
    const route = routeJobs(
      'probes',
      new Map([
        ['ping', record('ping')],
        ['count', record('count')],
      ]),
    );

    await route(job('count', { n: 3, _meta: { carrier: {} } }, 2));
    await route(job('ping', { token: 't' }));

    expect(seen).toEqual([
      ['count', { n: 3 }, { id: 'count-1', name: 'count', queue: 'probes', attempt: 3, attempts: 5 }],
      ['ping', { token: 't' }, { id: 'ping-1', name: 'ping', queue: 'probes', attempt: 1, attempts: 5 }],
    ]);
  });

  it('runs the handler with the correlation id the scheduler put in the carrier', async () => {
    let current: string | undefined;
    const route = routeJobs(
      'probes',
      new Map([['ping', async () => void (current = correlation.current())]]),
    );
    await route(job('ping', { _meta: { carrier: { 'x-correlation-id': 'corr-7' } } }));
    expect(current).toBe('corr-7');
  });

  it('fails a job no handler knows as unrecoverable, naming the job and the queue', async () => {
    const route = routeJobs('probes', new Map([['ping', async () => undefined]]));
    const failure = route(job('pong', {}));
    await expect(failure).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(failure).rejects.toThrow('no processor for job "pong" on queue probes (it has: ping)');
  });
});

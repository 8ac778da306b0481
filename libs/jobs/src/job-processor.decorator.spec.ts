import { JobProcessor, jobProcessorOf, type JobContext } from './job-processor.decorator';
import { JobProcessorRegistry } from './job-processor.registry';
import type { JobScheduler } from './job-scheduler';
import { defineQueue, type JobOf } from './queue-definition';
import { EscalationQueue, JobName } from './queues';

const Probes = defineQueue<{ ping: { token: string }; count: { n: number } }>('probes');

describe('@JobProcessor', () => {
  it('marks the method with its queue and job name', () => {
    class Pinger {
      @JobProcessor(Probes, 'ping')
      async ping(_data: { token: string }): Promise<void> {
        // only its decoration is under test
      }
      async unmarked(): Promise<void> {
        // only its decoration is under test
      }
    }
    expect(jobProcessorOf(Pinger.prototype.ping)).toEqual({ queue: Probes, name: 'ping' });
    expect(jobProcessorOf(Pinger.prototype.unmarked)).toBeUndefined();
  });

  it('refuses a second @JobProcessor on one method instead of replacing the first', () => {
    expect(() => {
      class Twice {
        @JobProcessor(Probes, 'ping')
        @JobProcessor(Probes, 'count')
        async both(): Promise<void> {
          // only its decoration is under test
        }
      }
      return Twice;
    }).toThrow('Twice.both already has a @JobProcessor');
  });
});

// The calls below run, and the typecheck target checks them: each @ts-expect-error fails it if the
// line under it compiles, so a loosened type cannot pass unnoticed.
describe('typing of queues, processors and scheduling', () => {
  it('accepts the declared job names and data, and refuses others at compile time', async () => {
    const scheduled: unknown[] = [];
    const schedule: JobScheduler['schedule'] = async (queue, name, data, opts) => {
      scheduled.push([queue.name, name, data]);
      return opts.jobId;
    };
    await schedule(
      EscalationQueue,
      JobName.EscalationStepDue,
      { workOrderId: 'wo-1', step: 2 },
      { jobId: 'e-1' },
    );
    await schedule(
      EscalationQueue,
      // @ts-expect-error: a job name the queue does not declare
      'escalation-step-missed',
      { workOrderId: 'wo-1', step: 2 },
      { jobId: 'e-2' },
    );
    // @ts-expect-error: the data of another job
    await schedule(Probes, 'ping', { n: 1 }, { jobId: 'p-1' });
    await schedule(
      EscalationQueue,
      JobName.EscalationStepDue,
      // @ts-expect-error: a field of the wrong type
      { workOrderId: 'wo-1', step: '2' },
      { jobId: 'e-3' },
    );
    expect(scheduled).toHaveLength(4);

    const registry = new JobProcessorRegistry();
    registry.register(Probes, 'ping', async (data: { token: string }, job: JobContext<'ping'>) => {
      void [data.token, job.attempt];
    });
    // @ts-expect-error: a handler expecting other data
    registry.register(Probes, 'count', async (_data: { token: string }) => undefined);
    expect([...(registry.seal().get('probes')?.keys() ?? [])]).toEqual(['ping', 'count']);

    class Handlers {
      @JobProcessor(Probes, 'count')
      async count(_data: { n: number }): Promise<void> {
        // only its decoration is under test
      }
      // @ts-expect-error: the method expects other data than the job carries
      @JobProcessor(Probes, 'ping')
      async ping(_data: { n: number }): Promise<void> {
        // only its decoration is under test
      }
      // @ts-expect-error: a processor returns a promise
      @JobProcessor(Probes, 'ping')
      sync(): void {
        // only its decoration is under test
      }
    }
    expect(jobProcessorOf(Handlers.prototype.count)).toEqual({ queue: Probes, name: 'count' });

    const job = { name: 'count', data: { n: 1 } } satisfies JobOf<typeof Probes>;
    // @ts-expect-error: the union pairs each name with its own data
    const mismatched: JobOf<typeof Probes> = { name: 'ping', data: { n: 1 } };
    expect([job, mismatched]).toHaveLength(2);

    // @ts-expect-error: `_meta` belongs to the library
    defineQueue<{ bad: { _meta: string } }>('bad');
  });
});

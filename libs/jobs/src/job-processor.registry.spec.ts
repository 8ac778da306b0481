import { JobProcessorRegistry } from './job-processor.registry';
import { defineQueue } from './queue-definition';

const Probes = defineQueue<{ ping: { token: string }; count: { n: number } }>('probes');
const Other = defineQueue<{ ping: { token: string } }>('other');
const noop = async (): Promise<void> => undefined;

describe('JobProcessorRegistry', () => {
  it('groups handlers by queue and job name', () => {
    const registry = new JobProcessorRegistry();
    registry.register(Probes, 'ping', noop);
    registry.register(Probes, 'count', noop);
    registry.register(Other, 'ping', noop);
    const sealed = registry.seal();
    expect([...sealed.keys()]).toEqual(['probes', 'other']);
    expect([...(sealed.get('probes')?.keys() ?? [])]).toEqual(['ping', 'count']);
  });

  it('refuses two processors for one job, naming both', () => {
    const registry = new JobProcessorRegistry();
    registry.register(Probes, 'ping', noop, 'A.ping');
    expect(() => registry.register(Probes, 'ping', noop, 'B.ping')).toThrow(
      'job "ping" on queue probes has two processors: A.ping and B.ping',
    );
  });

  it('refuses a processor once the workers have started, rather than ignoring it', () => {
    const registry = new JobProcessorRegistry();
    registry.seal();
    expect(() => registry.register(Probes, 'ping', noop, 'Late.ping')).toThrow(
      'cannot add a processor for job "ping" on queue probes (Late.ping): the job workers have started',
    );
  });
});

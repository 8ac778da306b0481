import { EventEmitter } from 'node:events';
import type { Consumer } from 'kafkajs';
import { ConsumerMonitor } from './consumer-monitor';

const EVENTS = { GROUP_JOIN: 'join', FETCH_START: 'fetch', HEARTBEAT: 'beat', CRASH: 'crash' };
const timing = { sessionTimeoutMs: 30_000, heartbeatIntervalMs: 3_000, processedRetentionMs: 0 };

/** A stand-in that emits kafkajs's instrumentation events, so each state can be reached on demand. */
function fakeConsumer() {
  const emitter = new EventEmitter();
  const consumer = { events: EVENTS, on: (e: string, fn: (p: unknown) => void) => emitter.on(e, fn) };
  return {
    consumer: consumer as unknown as Consumer,
    emit: (e: string, payload?: unknown) => emitter.emit(e, payload),
  };
}

describe('ConsumerMonitor', () => {
  it('sees nothing wrong in a consumer with no handlers, or one that joined and makes progress', () => {
    const idle = new ConsumerMonitor('g', timing);
    expect(idle.problem()).toBeUndefined();

    const monitor = new ConsumerMonitor('g', timing);
    const { consumer, emit } = fakeConsumer();
    monitor.watch(consumer, ['t.v1']);
    emit(EVENTS.GROUP_JOIN);
    expect(monitor.health()).toMatchObject({ group: 'g', state: 'running', topics: ['t.v1'] });
    expect(monitor.problem(Date.now() + 30_000)).toBeUndefined();
  });

  it('reports a consumer that never joins its group, once a minute has passed', () => {
    const monitor = new ConsumerMonitor('g', timing);
    monitor.watch(fakeConsumer().consumer, ['t.v1']);
    expect(monitor.problem(Date.now() + 10_000)).toBeUndefined();
    expect(monitor.problem(Date.now() + 61_000)).toMatch(/consumer group g has not joined for 6\d s/);
  });

  it('reports a consumer that makes no progress for twice the session timeout', () => {
    const monitor = new ConsumerMonitor('g', timing);
    const { consumer, emit } = fakeConsumer();
    monitor.watch(consumer, ['t.v1']);
    emit(EVENTS.GROUP_JOIN);
    expect(monitor.problem(Date.now() + 61_000)).toMatch(/no progress for 6\d s/);
    emit(EVENTS.HEARTBEAT);
    expect(monitor.problem(Date.now() + 30_000)).toBeUndefined();
  });

  it('reports a crash that kafkajs will not restart from, with its error', () => {
    const monitor = new ConsumerMonitor('g', timing);
    const { consumer, emit } = fakeConsumer();
    monitor.watch(consumer, ['t.v1']);
    emit(EVENTS.GROUP_JOIN);
    emit(EVENTS.CRASH, { payload: { error: new Error('broker gone'), restart: true } });
    expect(monitor.health().state).toBe('restarting');
    expect(monitor.problem()).toBeUndefined();
    emit(EVENTS.CRASH, { payload: { error: new Error('not authorised'), restart: false } });
    expect(monitor.problem()).toBe('consumer group g crashed and will not restart: not authorised');
  });
});

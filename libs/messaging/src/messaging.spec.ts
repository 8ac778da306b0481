import { context, propagation, trace, TraceFlags } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { ContractViolationError, ShortfallDetectedV1, type EventEnvelope } from '@buqi/contracts';
import { correlation } from '@buqi/observability';
import mongoose from 'mongoose';
import { applyOnce } from './consumer/apply-once';
import { backoffMs } from './consumer/backoff';
import { messagingFromConfig, resolveMessagingOptions } from './messaging.options';
import { createEvent } from './outbox/create-event';
import { OUTBOX_DUE_FIELD, OUTBOX_FIELD, pushOutbox, toOutboxEntry, withOutbox } from './outbox/outbox';

const actor = { kind: 'system', id: 'test' } as const;

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});
afterAll(() => {
  context.disable();
  propagation.disable();
});

describe('createEvent', () => {
  it('fills the envelope: key as subject, a fresh id, the source and actor', () => {
    const e = createEvent(ShortfallDetectedV1, ShortfallDetectedV1.example, {
      source: 'asset-inventory',
      actor,
      time: new Date('2026-03-02T09:15:00Z'),
    });
    expect(e).toMatchObject({
      specVersion: 1,
      type: 'shortfall.detected',
      version: 1,
      source: 'asset-inventory',
      subject: ShortfallDetectedV1.example.assetId,
      time: '2026-03-02T09:15:00.000Z',
      actor,
    });
    expect(e.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.causationId).toBeUndefined();
  });

  it('carries on the correlation of the current request, or of the causing event', () => {
    const inRequest = correlation.run('req-42', () =>
      createEvent(ShortfallDetectedV1, ShortfallDetectedV1.example, { source: 's', actor }),
    );
    expect(inRequest.correlationId).toBe('req-42');
    const caused = createEvent(ShortfallDetectedV1, ShortfallDetectedV1.example, {
      source: 's',
      actor,
      causedBy: inRequest as EventEnvelope,
    });
    expect(caused.correlationId).toBe('req-42');
    expect(caused.causationId).toBe(inRequest.id);
  });

  it('captures the active trace context so the relay continues the trace', () => {
    const spanContext = {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
    };
    const e = context.with(trace.setSpanContext(context.active(), spanContext), () =>
      createEvent(ShortfallDetectedV1, ShortfallDetectedV1.example, { source: 's', actor }),
    );
    expect(e.traceparent).toBe('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
  });

  it('refuses data that breaks the contract, naming the field', () => {
    const bad = { ...ShortfallDetectedV1.example, siteId: '' };
    expect(() => createEvent(ShortfallDetectedV1, bad, { source: 's', actor })).toThrow(
      ContractViolationError,
    );
    expect(() => createEvent(ShortfallDetectedV1, bad, { source: 's', actor })).toThrow(/\/data\/siteId/);
  });
});

describe('outbox entries', () => {
  const e = createEvent(ShortfallDetectedV1, ShortfallDetectedV1.example, { source: 's', actor });
  const entry = toOutboxEntry(ShortfallDetectedV1, e);

  it('keep the topic, key and exact bytes of the event', () => {
    expect(entry).toMatchObject({ id: e.id, topic: 'shortfall.detected.v1', key: e.subject });
    expect(JSON.parse(entry.value)).toEqual(e);
  });

  it('ride in the same write as the state change, due at once', () => {
    const now = new Date('2026-03-02T09:15:00Z');
    expect(withOutbox({ _id: 'a', status: 'open' }, [entry], now)).toEqual({
      _id: 'a',
      status: 'open',
      [OUTBOX_FIELD]: [entry],
      [OUTBOX_DUE_FIELD]: now,
    });
    expect(withOutbox({ _id: 'a' }, [], now)).toEqual({ _id: 'a' });
    expect(pushOutbox({ $set: { status: 'closed' }, $inc: { version: 1 } }, [entry], now)).toEqual({
      $set: { status: 'closed' },
      $inc: { version: 1 },
      $push: { [OUTBOX_FIELD]: { $each: [entry] } },
      // an earlier due time, of events still waiting, is kept
      $min: { [OUTBOX_DUE_FIELD]: now },
    });
  });

  it('are added to an update once, so no event is dropped by a second $push', () => {
    const once = pushOutbox({ $set: { status: 'closed' } }, [entry]);
    expect(() => pushOutbox(once, [entry])).toThrow(/already carries outbox entries/);
  });
});

describe('retry back-off', () => {
  const policy = { attempts: 5, initialDelayMs: 200, maxDelayMs: 1_000 };
  it('grows exponentially with jitter between half and all of the ceiling, capped', () => {
    expect(backoffMs(policy, 1, () => 0)).toBe(100);
    expect(backoffMs(policy, 1, () => 1)).toBe(200);
    expect(backoffMs(policy, 3, () => 1)).toBe(800);
    expect(backoffMs(policy, 10, () => 1)).toBe(1_000);
    expect(backoffMs(policy, 10, () => 0)).toBe(500);
  });
});

describe('options and helpers', () => {
  it('fills defaults without losing nested overrides', () => {
    const o = resolveMessagingOptions({
      brokers: ['b:1'],
      clientId: 'c',
      source: 's',
      retry: { attempts: 2 } as never,
    });
    expect(o.retry).toEqual({ attempts: 2, initialDelayMs: 200, maxDelayMs: 5_000 });
    expect(o.topicPrefix).toBe('');
    expect(o.relay.intervalMs).toBeGreaterThan(0);
  });

  it("fills the relay's retry policy without losing nested overrides", () => {
    const o = resolveMessagingOptions({
      brokers: ['b:1'],
      clientId: 'c',
      source: 's',
      relay: { retry: { attempts: 2 } },
    });
    expect(o.relay.retry).toEqual({ attempts: 2, initialDelayMs: 1_000, maxDelayMs: 30_000 });
    expect(o.relay.batchSize).toBe(100);
  });

  it('names the consumer group after the prefix and service, unless the configuration names one', () => {
    const config = {
      KAFKA_BROKERS: ['b:1'],
      KAFKA_CLIENT_ID: undefined,
      KAFKA_TOPIC_PREFIX: 'staging.',
      KAFKA_CONSUMER_GROUP: undefined,
      KAFKA_TOPIC_PARTITIONS: 3,
    };
    const service = { name: 'budget-allocation', topics: [] };
    expect(messagingFromConfig(config, service).groupId).toBe('staging.budget-allocation');
    // An instance rebuilding its copy of others' facts replays them in a group of its own.
    expect(
      messagingFromConfig({ ...config, KAFKA_CONSUMER_GROUP: 'budget-allocation-rebuild' }, service).groupId,
    ).toBe('budget-allocation-rebuild');
    expect(messagingFromConfig(config, { ...service, consumes: false }).groupId).toBeUndefined();
  });

  it('applyOnce guards an update by the event id and records it, bounded', () => {
    const once = applyOnce('e1', 10);
    expect(JSON.parse(JSON.stringify(once))).toEqual({
      filter: { _appliedEvents: { $ne: 'e1' } },
      push: { _appliedEvents: { $each: ['e1'], $slice: -10 } },
    });
  });

  it("applyOnce's guard is marked trusted, so Mongoose's sanitizeFilter leaves the operator alone", () => {
    const filter = applyOnce('e1').filter;
    expect(plain(mongoose.sanitizeFilter({ ...filter }))).toEqual({ _appliedEvents: { $ne: 'e1' } });
    // an operator that is not marked trusted is neutralised: that is what broke the guard before
    expect(mongoose.sanitizeFilter({ _appliedEvents: { $ne: 'e1' } })).toEqual({
      _appliedEvents: { $eq: { $ne: 'e1' } },
    });
  });
});

/** Drops symbol keys (such as Mongoose's trusted marker) for comparison. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

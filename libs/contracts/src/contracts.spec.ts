import { randomUUID } from 'node:crypto';
import {
  CONTRACTS,
  ContractViolationError,
  DeviceTelemetryV1,
  ShortfallDetectedV1,
  TOPICS,
  contractForTopic,
  decodeEvent,
  dlqTopic,
  encodeEvent,
  type EventEnvelope,
} from './index';

function envelopeFor(data: unknown, overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    specVersion: 1,
    id: randomUUID(),
    type: 'shortfall.detected',
    version: 1,
    source: 'asset-inventory',
    time: '2026-03-02T09:15:00.000Z',
    subject: 'road-n-court-07',
    correlationId: 'corr-1',
    actor: { kind: 'system', id: 'rules' },
    data,
    ...overrides,
  };
}

describe('event contracts', () => {
  it.each(CONTRACTS.map((c) => [c.topic, c] as const))(
    '%s: its example satisfies its schema',
    (_t, contract) => {
      expect(() => contract.parseData(contract.example)).not.toThrow();
      expect(contract.key(contract.example as never)).toMatch(/\S/);
    },
  );

  it('names topics as <type>.v<version>, each in TOPICS, and finds contracts by topic', () => {
    for (const c of CONTRACTS) expect(c.topic).toBe(`${c.type}.v${c.version}`);
    expect(new Set(Object.values(TOPICS))).toEqual(new Set(CONTRACTS.map((c) => c.topic)));
    expect(contractForTopic(TOPICS.shortfallDetected)).toBe(ShortfallDetectedV1);
    expect(contractForTopic('nope.v1')).toBeUndefined();
    expect(dlqTopic(TOPICS.deviceTelemetry)).toBe('device.telemetry.v1.dlq');
  });

  it('round-trips an envelope through the wire codec', () => {
    const env = envelopeFor(ShortfallDetectedV1.example);
    expect(decodeEvent(ShortfallDetectedV1, encodeEvent(ShortfallDetectedV1, env))).toEqual(env);
  });

  it('names every bad field of a payload', () => {
    const bad = {
      ...ShortfallDetectedV1.example,
      severity: 'catastrophic',
      conditionIndex: 140,
      extra: 1,
    } as unknown;
    try {
      ShortfallDetectedV1.parseData(bad);
      throw new Error('expected a violation');
    } catch (err) {
      expect(err).toBeInstanceOf(ContractViolationError);
      const msg = (err as Error).message;
      expect(msg).toContain('/conditionIndex must be <= 100');
      expect(msg).toContain('unknown field "extra"');
      expect(msg).toContain('/severity');
    }
  });

  it('refuses on publish an envelope of another type or with a bad id', () => {
    expect(() =>
      encodeEvent(ShortfallDetectedV1, envelopeFor(ShortfallDetectedV1.example, { type: 'x' })),
    ).toThrow(/\/type must be equal to constant/);
    expect(() =>
      encodeEvent(ShortfallDetectedV1, envelopeFor(ShortfallDetectedV1.example, { id: '42' })),
    ).toThrow(/\/id must match format "uuid"/);
  });

  it('refuses on consume bytes that are empty, not JSON, or lack fields', () => {
    expect(() => decodeEvent(DeviceTelemetryV1, null)).toThrow(/no value/);
    expect(() => decodeEvent(DeviceTelemetryV1, Buffer.from('{oops'))).toThrow(/not JSON/);
    expect(() => decodeEvent(DeviceTelemetryV1, Buffer.from('{"specVersion":1}'))).toThrow(/missing "id"/);
  });

  it('rejects telemetry readings that are not numbers or carry a bad metric name', () => {
    const bad = {
      deviceId: 'd1',
      readings: [{ metric: 'NH3!', value: 'high', unit: 'ppm', at: 'yesterday' }],
    };
    expect(() => DeviceTelemetryV1.parseData(bad)).toThrow(
      /readings\/0\/metric.*readings\/0\/value must be number.*readings\/0\/at must match format/,
    );
  });
});

describe('latest-state topics', () => {
  it('are compacted, so the newest state of each key survives', () => {
    expect(contractForTopic(TOPICS.siteState)?.cleanupPolicy).toBe('compact');
    expect(contractForTopic(TOPICS.shortfallDetected)?.cleanupPolicy).toBeUndefined();
  });
});

import type { Producer } from 'kafkajs';
import { DeviceTelemetryV1, encodeEvent, type DataOf } from '@buqi/contracts';
import { createEvent } from '@buqi/messaging';

export type Batch = DataOf<typeof DeviceTelemetryV1>;
export interface Message {
  readonly id: string;
  readonly key: string;
  readonly value: Buffer;
  readonly batch: Batch;
}

export const deviceCode = (n: number) => `NY-DV-${String(n + 1).padStart(4, '0')}`;

/**
 * A gateway's batch for one device: `perMessage` readings, NH3 and temperature alternately, one
 * pair every `stepMs` from `start`. Values stay below the odour limit, as most readings do.
 */
export function message(
  device: string,
  start: number,
  perMessage: number,
  stepMs: number,
  seed: number,
): Message {
  const readings = Array.from({ length: perMessage }, (_, i) => {
    const at = new Date(start + Math.floor(i / 2) * stepMs).toISOString();
    const wiggle = ((seed * 7919 + i * 104_729) % 1000) / 1000;
    return i % 2 === 0
      ? { metric: 'nh3', value: Math.round((0.1 + 0.6 * wiggle) * 1000) / 1000, unit: 'ppm', at }
      : { metric: 'temperature', value: Math.round((20 + 6 * wiggle) * 10) / 10, unit: 'C', at };
  });
  const batch: Batch = {
    deviceId: device,
    readings,
    batteryPct: 80 - (seed % 20),
    signalDbm: -70 - (seed % 25),
  };
  const event = createEvent(DeviceTelemetryV1, batch, {
    source: 'bench-gateway',
    actor: { kind: 'device', id: 'bench-gateway' },
  });
  return { id: event.id, key: device, value: encodeEvent(DeviceTelemetryV1, event), batch };
}

/** Sends messages 100 to a request; returns when each was handed to the producer (by event id). */
export async function produce(
  producer: Producer,
  topic: string,
  messages: readonly Message[],
): Promise<Map<string, number>> {
  const sentAt = new Map<string, number>();
  for (let i = 0; i < messages.length; i += 100) {
    const chunk = messages.slice(i, i + 100);
    const now = Date.now();
    for (const m of chunk) sentAt.set(m.id, now);
    await producer.send({ topic, messages: chunk.map((m) => ({ key: m.key, value: m.value })) });
  }
  return sentAt;
}

/** Sends `perSecond` messages a second, in ten slices a second, until all are sent. */
export async function producePaced(
  producer: Producer,
  topic: string,
  messages: readonly Message[],
  perSecond: number,
  sentAt = new Map<string, number>(),
): Promise<Map<string, number>> {
  const started = Date.now();
  let sent = 0;
  while (sent < messages.length) {
    const due = Math.min(messages.length, Math.floor(((Date.now() - started) / 1000) * perSecond) + 1);
    if (due > sent) {
      const chunk = messages.slice(sent, due);
      const now = Date.now();
      for (const m of chunk) sentAt.set(m.id, now);
      await producer.send({ topic, messages: chunk.map((m) => ({ key: m.key, value: m.value })) });
      sent = due;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return sentAt;
}

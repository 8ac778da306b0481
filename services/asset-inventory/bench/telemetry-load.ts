import type { Admin, Producer } from 'kafkajs';
import { DeviceTelemetryV1, encodeEvent, type DataOf } from '@buqi/contracts';
import { createEvent } from '@buqi/messaging';
import { CAMPUS } from '../src/test-fixtures/campus';

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
/**
 * A burst of `count` messages of `perMessage` readings from `devices` devices, each device's batches
 * following one another at 10 s a reading, all ending more than half an hour before now (so the
 * device's silence rules have nothing to say about them).
 */
export function burstMessages(
  devices: number,
  count: number,
  perMessage: number,
  now = Date.now(),
): Message[] {
  const perDevice = Math.ceil(count / devices);
  const start = now - 35 * 60_000 - perDevice * (perMessage / 2) * 10_000;
  return Array.from({ length: count }, (_, k) =>
    message(
      deviceCode(k % devices),
      start + Math.floor(k / devices) * (perMessage / 2) * 10_000,
      perMessage,
      10_000,
      k,
    ),
  );
}

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

/**
 * When the service's consumer group had committed `count` messages, polled every 100 ms (the store
 * is left to the service). Offsets are committed at most a second after their message is handled,
 * so over a burst of a minute or more the rate is understated by under 2 %.
 */
export async function committed(admin: Admin, group: string, topic: string, count: number): Promise<number> {
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    const done = (offsets?.partitions ?? []).reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
    if (done >= count) return Date.now();
    if (Date.now() > deadline) throw new Error(`only ${done} of ${count} messages handled`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A campus with one restroom and `devices` NH3 sensors watching it, through the service's API. */
export async function seed(url: string, token: string, devices: number): Promise<void> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(url + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  };
  const core = {
    location: { x: 100, y: 60 },
    criticality: 3,
    installedOn: '2024-06-01',
    expectedLifeYears: 8,
    replacementCostFen: 120_000,
    department: 'general-affairs',
  };
  await post('/sites', CAMPUS.site);
  await post('/sites/NY/zones', CAMPUS.zone);
  await post('/sites/NY/buildings', CAMPUS.building);
  const fixtures = [{ kind: 'squat-toilet', count: 4 }];
  const restroom = { floor: 3, fixtures, accessible: true, dailyFootfall: 300, restroomClass: 'class-2' };
  await post('/restrooms', {
    code: 'NY-RR-001',
    name: '三层男卫',
    zone: 'A',
    building: 'B01',
    ...core,
    restroom,
  });
  for (let n = 0; n < devices; n++)
    await post('/monitoring-devices', {
      code: deviceCode(n),
      name: `氨气传感器 ${n + 1}`,
      building: 'B01',
      ...core,
      device: {
        kind: 'nh3-sensor',
        watches: { assetId: 'NY-RR-001' },
        reportingIntervalSeconds: 60,
        power: 'battery',
        link: 'wireless',
      },
    });
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en');

import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient, type Db } from 'mongodb';
import { DevIssuer } from '@buqi/auth';
import { deleteTopicsWithPrefix, messagesOn, numberArg } from '@buqi/testing';
import { TOPICS } from '@buqi/contracts';
import { rawBulkWrite, rawConsume } from './baselines';
import { freePort, ServiceProcess } from './service-process';
import {
  burstMessages,
  committed,
  deviceCode,
  fmt,
  message,
  produce,
  producePaced,
  seed,
  type Message,
} from './telemetry-load';
import { bucketId, hourOf, metricField } from '../src/telemetry/domain/buckets';

/**
 * Readings through the Kafka path into asset-inventory running as its own process, on the engines of
 * this machine: readings stored per second (a burst), the lag from produce to stored (paced at a
 * share of that rate), the service's resident memory; beside a bare kafkajs consumer and a bare bulk
 * write of the same documents into the same store, measured in the same run on the same messages.
 *   npm run bench:telemetry -- --devices=100 --messages=2000 --per-message=20 --paced-share=0.5 --paced-seconds=20 --lag-sample=4
 * Runs the built service (the target builds it first); --swc runs the sources through SWC instead.
 */
const KAFKA_BROKERS = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:29092';
const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27217/';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:16379';

async function main(): Promise<void> {
  const devices = numberArg('devices', 100);
  const burst = numberArg('messages', 2_000);
  const perMessage = numberArg('per-message', 20);
  const pacedShare = numberArg('paced-share', 0.5);
  const pacedSeconds = numberArg('paced-seconds', 20);
  const lagSample = numberArg('lag-sample', 4);
  const run = randomBytes(3).toString('hex');
  const database = `buqi_bench_telemetry_${run}`;
  const prefix = `bench_${run}.`;
  const topic = prefix + TOPICS.deviceTelemetry;
  const group = `${prefix}asset-inventory`;
  const issuer = await DevIssuer.open();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;

  const service = ServiceProcess.start(
    {
      KAFKA_BROKERS,
      MONGO_URL,
      REDIS_URL,
      ...issuer.env(),
      MONGO_DB: database,
      KAFKA_TOPIC_PREFIX: prefix,
      JOBS_PREFIX: `bench_${run}`,
      HTTP_PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    process.argv.includes('--swc'),
  );
  const kafka = new Kafka({
    brokers: KAFKA_BROKERS.split(','),
    clientId: 'bench-gateway',
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  const admin = kafka.admin();
  const mongo = await MongoClient.connect(MONGO_URL);
  try {
    await service.ready(url);
    await Promise.all([producer.connect(), admin.connect()]);
    const token = await issuer.sign({ sub: 'bench', roles: ['asset-manager'] });
    await seed(url, token, devices);
    console.log(
      `node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}; service ${service.mode}; ` +
        `${devices} devices, ${burst} messages of ${perMessage} readings, then ${pacedSeconds} s paced at ${pacedShare} of the burst rate`,
    );
    const db = mongo.db(database);
    service.sampleRss();

    // Burst: everything at once; the rate is what the service sustains.
    const messages = burstMessages(devices, burst, perMessage);
    const produced = Date.now();
    await produce(producer, topic, messages);
    const burstDone = await committed(admin, group, topic, burst);
    const burstSeconds = (burstDone - produced) / 1000;
    const serviceRate = (burst * perMessage) / burstSeconds;
    console.log(
      `service: ${fmt(serviceRate)} readings/s (${burst} messages in ${burstSeconds.toFixed(1)} s)`,
    );

    // Paced: the lag from produce to stored at a rate the service keeps up with.
    const rate = Math.max(1, Math.round((pacedShare * burst) / burstSeconds));
    const pacedStart = Date.now() - 30 * 60_000;
    const paced = Array.from({ length: rate * pacedSeconds }, (_, p) =>
      message(
        deviceCode(p % devices),
        pacedStart + Math.floor(p / devices) * (perMessage / 2) * 1_000,
        perMessage,
        1_000,
        burst + p,
      ),
    );
    const sampled = paced.filter((_, i) => i % lagSample === 0);
    const sentAt = new Map<string, number>();
    const watching = storedAt(db, sampled, sentAt);
    await producePaced(producer, topic, paced, rate, sentAt);
    const stored = await watching;
    await committed(admin, group, topic, burst + paced.length);
    const deadLetters = await messagesOn(admin, `${topic}.dlq`).catch(() => 0);
    if (deadLetters > 0) throw new Error(`${deadLetters} batches were dead-lettered`);
    const lags = sampled
      .map((m) => (stored.get(m.id) ?? Infinity) - (sentAt.get(m.id) ?? 0))
      .sort((a, b) => a - b);
    const rssPeak = service.peakRssMb;
    const rssHigh = service.highWaterMb();
    console.log(
      `paced at ${rate} messages/s: lag p50 ${fmt(pct(lags, 0.5))} ms, p99 ${fmt(pct(lags, 0.99))} ms`,
    );
    await service.stop();

    const consume = await rawConsume(kafka, topic, burst + paced.length);
    const consumeRate = (consume.messages * perMessage) / consume.seconds;
    const store = await rawBulkWrite(MONGO_URL, messages);
    const storeRate = store.readings / store.seconds;
    console.log(
      [
        '',
        '| path (same messages, same run) | readings/s | notes |',
        '|---|---|---|',
        `| service: Kafka → stored (burst) | ${fmt(serviceRate)} | ${fmt((100 * serviceRate) / storeRate)} % of the store-bound limit; peak RSS ${fmt(rssPeak)} MB (VmHWM ${fmt(rssHigh)} MB) |`,
        `| service, paced at ${rate} messages/s | ${fmt(rate * perMessage)} | lag produce → seen stored (every ${lagSample}th message, polled every 100 ms) p50 ${fmt(pct(lags, 0.5))} ms, p99 ${fmt(pct(lags, 0.99))} ms, max ${fmt(lags[lags.length - 1])} ms |`,
        `| raw kafkajs consume | ${fmt(consumeRate)} | ${consume.messages} messages in ${consume.seconds.toFixed(2)} s |`,
        `| raw bulk write, same documents (store-bound) | ${fmt(storeRate)} | ${store.readings} readings in ${store.seconds.toFixed(1)} s |`,
      ].join('\n'),
    );
  } catch (err) {
    console.error(service.log);
    throw err;
  } finally {
    await service.stop();
    await Promise.all([producer.disconnect(), admin.disconnect()]);
    await mongo
      .db(database)
      .dropDatabase()
      .catch(() => undefined);
    await mongo.close();
    await deleteTopicsWithPrefix(kafka, prefix);
  }
}

/**
 * When each message's readings were first seen in the store: every 100 ms, the bucket of each
 * message not yet seen, read by its exact `_id` (the cheapest read on FerretDB, which scans the
 * whole collection for any other filter). A message counts as stored when its last reading is (the
 * batch's hours are written in one command, its last hour last). Only messages already sent are
 * looked for, and only a sample of them, so the probe's own reads stay a small share of the work.
 */
async function storedAt(
  db: Db,
  messages: readonly Message[],
  sentAt: ReadonlyMap<string, number>,
): Promise<Map<string, number>> {
  const buckets = db.collection<{ _id: string; m?: Record<string, Record<string, number>> }>(
    'telemetry_readings',
  );
  const seen = new Map<string, number>();
  const deadline = Date.now() + 30 * 60_000;
  while (seen.size < messages.length) {
    if (Date.now() > deadline)
      throw new Error(`only ${seen.size} of ${messages.length} sampled messages stored`);
    const waiting = messages
      .filter((m) => sentAt.has(m.id) && !seen.has(m.id))
      .map((m) => ({ m, ...lastReading(m) }));
    const docs = await Promise.all(
      [...new Set(waiting.map((w) => w.bucket))].map((id) =>
        buckets.findOne({ _id: id }, { projection: { m: 1 } }),
      ),
    );
    const now = Date.now();
    const byId = new Map(docs.flatMap((d) => (d ? [[d._id, d] as const] : [])));
    for (const w of waiting)
      if (byId.get(w.bucket)?.m?.[w.field]?.[w.offset] !== undefined) seen.set(w.m.id, now);
    await new Promise((r) => setTimeout(r, 100));
  }
  return seen;
}

/** Where a message's last reading is stored: its bucket, metric field and offset into the hour. */
function lastReading(m: Message) {
  const r = m.batch.readings[m.batch.readings.length - 1];
  const at = Date.parse(r.at);
  const hour = hourOf(new Date(at));
  return {
    bucket: bucketId(m.batch.deviceId, hour),
    field: metricField(r.metric),
    offset: String(at - hour),
  };
}

const pct = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { AssignerProtocol, Kafka, logLevel, type Admin } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { DevIssuer } from '@buqi/auth';
import { TOPICS } from '@buqi/contracts';
import { deleteTopicsWithPrefix, messagesOn, numberArg, waitFor } from '@buqi/testing';
import { freePort, ServiceProcess } from './service-process';
import { burstMessages, committed, fmt, produce, seed } from './telemetry-load';

/**
 * The telemetry path (device.telemetry.v1 → stored readings) with one instance of asset-inventory and
 * with several sharing one consumer group, one database and one Kafka, measured in the same run on
 * the same burst: readings stored per second, the partitions each instance was given, and each
 * instance's peak memory.
 *   npm run bench:scale -- --instances=3 --devices=60 --messages=1500 --per-message=20 --partitions=6
 */
const KAFKA_BROKERS = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:29092';
const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27217/';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:16379';

interface Result {
  instances: number;
  readingsPerSecond: number;
  seconds: number;
  partitions: number[];
  peakRssMb: number[];
}

async function measure(kafka: Kafka, instances: number, args: Args): Promise<Result> {
  const run = randomBytes(3).toString('hex');
  const database = `buqi_bench_scale_${run}`;
  const prefix = `bench_scale_${run}.`;
  const topic = prefix + TOPICS.deviceTelemetry;
  const group = `${prefix}asset-inventory`;
  const issuer = await DevIssuer.open();
  const services: ServiceProcess[] = [];
  const admin = kafka.admin();
  const producer = kafka.producer();
  await Promise.all([admin.connect(), producer.connect()]);
  try {
    const urls: string[] = [];
    // One after another, as a rolling start would: each creates the topics it owns if missing.
    for (let i = 0; i < instances; i++) {
      const port = await freePort();
      const service = ServiceProcess.start(
        {
          KAFKA_BROKERS,
          MONGO_URL,
          REDIS_URL,
          ...issuer.env(),
          MONGO_DB: database,
          KAFKA_TOPIC_PREFIX: prefix,
          KAFKA_TOPIC_PARTITIONS: String(args.partitions),
          JOBS_PREFIX: `bench_scale_${run}`,
          HTTP_PORT: String(port),
          LOG_LEVEL: 'warn',
        },
        args.swc,
      );
      services.push(service);
      urls.push(`http://127.0.0.1:${port}`);
      await service.ready(urls[i] as string);
      service.sampleRss();
    }
    const token = await issuer.sign({ sub: 'bench', roles: ['asset-manager'] });
    await seed(urls[0] as string, token, args.devices);
    const partitions = await assignment(admin, group, topic, instances);

    const messages = burstMessages(args.devices, args.messages, args.perMessage);
    const produced = Date.now();
    await produce(producer, topic, messages);
    const done = await committed(admin, group, topic, messages.length);
    const deadLetters = await messagesOn(admin, `${topic}.dlq`).catch(() => 0);
    if (deadLetters > 0) throw new Error(`${deadLetters} batches were dead-lettered`);
    const seconds = (done - produced) / 1000;
    return {
      instances,
      readingsPerSecond: (messages.length * args.perMessage) / seconds,
      seconds,
      partitions,
      peakRssMb: services.map((s) => s.peakRssMb),
    };
  } catch (err) {
    for (const s of services) console.error(s.log);
    throw err;
  } finally {
    await Promise.all(services.map((s) => s.stop()));
    await Promise.all([admin.disconnect(), producer.disconnect()]);
    const mongo = await MongoClient.connect(MONGO_URL);
    await mongo
      .db(database)
      .dropDatabase()
      .catch(() => undefined);
    await mongo.close();
    await deleteTopicsWithPrefix(kafka, prefix);
  }
}

/** The partitions of `topic` each member of the group holds, once all `members` have joined. */
async function assignment(admin: Admin, group: string, topic: string, members: number): Promise<number[]> {
  return waitFor(
    `${members} members of ${group} sharing ${topic}`,
    async () => {
      const [g] = (await admin.describeGroups([group])).groups;
      if (!g || g.state !== 'Stable' || g.members.length !== members) return undefined;
      return g.members.map(
        (m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[topic]?.length ?? 0,
      );
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
}

interface Args {
  instances: number;
  devices: number;
  messages: number;
  perMessage: number;
  partitions: number;
  swc: boolean;
}

async function main(): Promise<void> {
  const args: Args = {
    instances: numberArg('instances', 3),
    devices: numberArg('devices', 60),
    messages: numberArg('messages', 1_500),
    perMessage: numberArg('per-message', 20),
    partitions: numberArg('partitions', 6),
    swc: process.argv.includes('--swc'),
  };
  const kafka = new Kafka({
    brokers: KAFKA_BROKERS.split(','),
    clientId: 'bench-scale',
    logLevel: logLevel.NOTHING,
  });
  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}; ` +
      `${args.devices} devices, ${args.messages} messages of ${args.perMessage} readings, ${args.partitions} partitions`,
  );
  const one = await measure(kafka, 1, args);
  console.log(`1 instance: ${fmt(one.readingsPerSecond)} readings/s`);
  const many = await measure(kafka, args.instances, args);
  console.log(`${args.instances} instances: ${fmt(many.readingsPerSecond)} readings/s`);
  console.log(
    [
      '',
      '| instances (same burst, same run) | readings/s | × one instance | partitions per instance | peak RSS per instance (MB) |',
      '|---|---|---|---|---|',
      ...[one, many].map(
        (r) =>
          `| ${r.instances} | ${fmt(r.readingsPerSecond)} | ${(r.readingsPerSecond / one.readingsPerSecond).toFixed(2)} | ${r.partitions.join(', ')} | ${r.peakRssMb.map(fmt).join(', ')} |`,
      ),
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

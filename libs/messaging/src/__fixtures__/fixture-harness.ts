// Shared set-up of the processes that the messaging integration tests start, kill and restart.
import { MongoClient } from 'mongodb';
import type { Db } from 'mongodb';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { createKafka, createProducer } from '../kafka/kafka.factory';
import type { MessagingLogger } from '../messaging.logger';

export interface Harness {
  kafka: Kafka;
  producer: Producer;
  admin: Admin;
  db: Db;
  prefix: string;
  env: (name: string, fallback?: string) => string;
  close(): Promise<void>;
}

const stderrLogger: MessagingLogger = {
  debug: () => undefined,
  info: (o, m) => console.error(m, JSON.stringify(o)),
  warn: (o, m) => console.error(m, JSON.stringify(o)),
  error: (o, m) => console.error(m, JSON.stringify(o)),
};
export const fixtureLogger = stderrLogger;

export async function openHarness(): Promise<Harness> {
  const env = (name: string, fallback?: string): string => {
    const v = process.env[name] ?? fallback;
    if (v === undefined) throw new Error(`fixture needs ${name}`);
    return v;
  };
  const kafka = createKafka({
    brokers: env('KAFKA_BROKERS').split(','),
    clientId: 'fixture',
    logger: stderrLogger,
  });
  const producer = createProducer(kafka);
  await producer.connect();
  const admin = kafka.admin();
  await admin.connect();
  const client = await MongoClient.connect(env('MONGO_URL'));
  return {
    kafka,
    producer,
    admin,
    db: client.db(env('DB')),
    prefix: env('TOPIC_PREFIX', ''),
    env,
    close: async () => {
      await producer.disconnect();
      await admin.disconnect();
      await client.close();
    },
  };
}

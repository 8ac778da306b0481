// The clients an integration spec of this library talks to the engines with, opened before its tests
// and closed after, and the child processes it starts, killed after each test.
import { MongoClient } from 'mongodb';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { engineEnv, type SpawnedService } from '@buqi/testing';
import { createKafka, createProducer } from '../kafka/kafka.factory';
import { silentLogger } from '../messaging.logger';

export interface TestClients {
  kafka: Kafka;
  admin: Admin;
  producer: Producer;
  mongo: MongoClient;
  /** Child processes of the current test; each is SIGKILLed after it. */
  children: SpawnedService[];
}

export function useTestClients(): TestClients {
  const engines = engineEnv();
  const clients = { children: [] } as unknown as TestClients;
  beforeAll(async () => {
    clients.kafka = createKafka({
      brokers: engines.KAFKA_BROKERS.split(','),
      clientId: 'messaging-int',
      logger: silentLogger,
    });
    clients.admin = clients.kafka.admin();
    await clients.admin.connect();
    clients.producer = createProducer(clients.kafka);
    await clients.producer.connect();
    clients.mongo = await MongoClient.connect(engines.MONGO_URL);
  });
  afterEach(async () => {
    await Promise.all(clients.children.splice(0).map((c) => c.stop('SIGKILL')));
  });
  afterAll(async () => {
    await clients.producer?.disconnect();
    await clients.admin?.disconnect();
    await clients.mongo?.close();
  });
  return clients;
}

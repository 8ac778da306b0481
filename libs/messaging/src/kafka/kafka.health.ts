import type { Admin } from 'kafkajs';

/** Readiness of the Kafka cluster as this service sees it: brokers answer a metadata request. */
export async function checkKafka(admin: Admin): Promise<{ brokers: number; controller: number | null }> {
  const cluster = await admin.describeCluster();
  return { brokers: cluster.brokers.length, controller: cluster.controller };
}

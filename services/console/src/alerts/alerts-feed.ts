import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import {
  BudgetThresholdCrossedV1,
  decodeEvent,
  DeviceStatusChangedV1,
  WorkOrderEscalatedV1,
  type EnvelopeOf,
} from '@buqi/contracts';
import { ensureTopics } from '@buqi/messaging';
import type { Logger } from '@buqi/observability';
import { PLATFORM_CONFIG, PLATFORM_LOGGER } from '@buqi/platform';
import type { ConsoleConfig } from '../config';
import { ALERT_CONTRACTS, alertOfDevice, alertOfEscalation, alertOfThreshold, type Alert } from './alert';

const KEEP = 50;

/**
 * The alerts every signed-in person sees live: escalations, budget thresholds crossed, devices
 * going offline and back. Each console instance reads the topics from their end with a consumer
 * group of its own (every instance must see every alert; what was missed while it was down is not
 * an alert any more), keeps the newest 50 for those who open a page, and hands each new one to the
 * pages' open streams. A message it cannot read is logged and skipped: a feed never stops for one.
 * Its group is deleted when the instance shuts down, so restarts do not leave groups behind (after
 * a crash, Kafka drops the group's offsets when offsets.retention.minutes have passed).
 */
@Injectable()
export class AlertsFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: Consumer;
  private kafka?: Kafka;
  /** This instance's consumer group, while it has one. */
  groupId?: string;
  private stopped = false;
  private readonly recent: Alert[] = [];
  private readonly listeners = new Set<(alert: Alert) => void>();

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: ConsoleConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    // In the background: sign-in and the pages work while Kafka is away, and the feed joins when it is back.
    void this.start();
  }

  private async start(): Promise<void> {
    const prefix = this.config.KAFKA_TOPIC_PREFIX ?? '';
    const kafka = new Kafka({
      clientId: 'console-alerts',
      brokers: [...this.config.KAFKA_BROKERS],
      logLevel: logLevel.NOTHING,
    });
    this.kafka = kafka;
    const readers: Record<string, (value: Buffer | null) => Alert> = {
      [prefix + WorkOrderEscalatedV1.topic]: (v) =>
        alertOfEscalation(decodeEvent(WorkOrderEscalatedV1, v) as EnvelopeOf<typeof WorkOrderEscalatedV1>),
      [prefix + BudgetThresholdCrossedV1.topic]: (v) =>
        alertOfThreshold(
          decodeEvent(BudgetThresholdCrossedV1, v) as EnvelopeOf<typeof BudgetThresholdCrossedV1>,
        ),
      [prefix + DeviceStatusChangedV1.topic]: (v) =>
        alertOfDevice(decodeEvent(DeviceStatusChangedV1, v) as EnvelopeOf<typeof DeviceStatusChangedV1>),
    };
    for (let attempt = 1; !this.stopped; attempt++) {
      const groupId = `${prefix}console-alerts-${randomUUID()}`;
      const consumer = kafka.consumer({ groupId });
      // Held from the start: an instance shutting down while it joins still stops it.
      this.consumer = consumer;
      this.groupId = groupId;
      const admin = kafka.admin();
      try {
        // The topics are the other services', but whichever starts first creates them (as they do).
        await admin.connect();
        await ensureTopics(
          admin,
          ALERT_CONTRACTS.map((c) => ({ topic: c.topic })),
          this.config.KAFKA_TOPIC_PARTITIONS,
          prefix,
        );
        await consumer.connect();
        await consumer.subscribe({ topics: Object.keys(readers), fromBeginning: false });
        await consumer.run({
          eachMessage: async ({ topic, message }) => {
            try {
              this.publish(readers[topic](message.value));
            } catch (err) {
              this.logger.warn(
                { err, topic, offset: message.offset },
                'alerts: a message that is not an alert was skipped',
              );
            }
          },
        });
        if (this.stopped) await consumer.disconnect().catch(() => undefined);
        return;
      } catch (err) {
        await consumer.disconnect().catch(() => undefined);
        if (attempt === 1 || attempt % 10 === 0)
          this.logger.warn({ err, attempt }, 'alerts: the live feed cannot start yet; trying again');
        await sleep(Math.min(10_000, 500 * attempt));
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect().catch(() => undefined);
    if (!this.kafka || !this.groupId) return;
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([this.groupId]);
    } catch (err) {
      this.logger.warn({ err, groupId: this.groupId }, 'alerts: the feed’s consumer group was not deleted');
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /** The newest alerts, newest first. */
  latest(): Alert[] {
    return [...this.recent].reverse();
  }

  /** Calls `listener` with each new alert until the returned function is called. */
  subscribe(listener: (alert: Alert) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(alert: Alert): void {
    if (this.recent.some((a) => a.id === alert.id)) return;
    this.recent.push(alert);
    if (this.recent.length > KEEP) this.recent.shift();
    for (const listener of this.listeners) listener(alert);
  }
}

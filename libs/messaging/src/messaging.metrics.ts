import { metrics, type Counter, type Histogram, type Meter } from '@opentelemetry/api';
import type { PartitionLag } from './consumer/consumer-lag';
import type { RelayStatus } from './outbox/relay-status';

export type ConsumeOutcome = 'handled' | 'duplicate' | 'dead-lettered';

/**
 * Counters and timings of the event flow. Created when a relay or consumer is built, which is
 * after telemetry started, so they bind to the configured meter provider.
 */
export class MessagingMetrics {
  private readonly meter: Meter;
  private readonly published: Counter;
  private readonly publishFailures: Counter;
  private readonly consumed: Counter;
  private readonly handling: Histogram;

  constructor() {
    this.meter = metrics.getMeter('@buqi/messaging');
    this.published = this.meter.createCounter('buqi.messaging.published', {
      description: 'Events published from outboxes, by topic',
    });
    this.publishFailures = this.meter.createCounter('buqi.outbox.publish_failures', {
      description: 'Outbox entries that failed to publish (each attempt), by topic',
    });
    this.consumed = this.meter.createCounter('buqi.messaging.consumed', {
      description: 'Messages taken off a topic by a consumer group, by outcome',
    });
    this.handling = this.meter.createHistogram('buqi.messaging.handling.duration', {
      description: 'Time from receiving a message to its outcome, retries included',
      unit: 'ms',
    });
  }

  recordPublished(topic: string, count: number): void {
    this.published.add(count, { 'messaging.destination.name': topic });
  }

  recordPublishFailure(topic: string): void {
    this.publishFailures.add(1, { 'messaging.destination.name': topic });
  }

  /**
   * Starts the dead-letter count of each topic a group consumes at 0, so the first message
   * dead-lettered is an increase Prometheus sees (a series born at 1 shows none).
   */
  announceConsumer(topics: readonly string[], group: string): void {
    for (const topic of topics)
      this.consumed.add(0, {
        'messaging.destination.name': topic,
        'messaging.consumer.group.name': group,
        outcome: 'dead-lettered',
      });
  }

  recordConsumed(topic: string, group: string, outcome: ConsumeOutcome, startedAt: number): void {
    const attributes = {
      'messaging.destination.name': topic,
      'messaging.consumer.group.name': group,
      outcome,
    };
    this.consumed.add(1, attributes);
    this.handling.record(performance.now() - startedAt, attributes);
  }

  /**
   * The group's lag per topic and partition, as `read` last found it (it reads the admin client
   * at most every few seconds and keeps a scrape waiting briefly at most).
   */
  observeConsumerLag(group: string, read: () => Promise<readonly PartitionLag[] | undefined>): void {
    this.meter
      .createObservableGauge('buqi.messaging.consumer.lag', {
        description: 'Messages on a partition not yet committed by the consumer group',
        unit: '{message}',
      })
      .addCallback(async (result) => {
        for (const p of (await read()) ?? [])
          result.observe(p.lag, {
            'messaging.destination.name': p.topic,
            'messaging.destination.partition.id': String(p.partition),
            'messaging.consumer.group.name': group,
          });
      });
  }

  /** Backlog gauges read from the relay's last count (no query runs at collection time). */
  observeOutbox(read: () => RelayStatus | undefined): void {
    const gauge = (name: string, description: string, unit: string, pick: (s: RelayStatus) => number) =>
      this.meter.createObservableGauge(name, { description, unit }).addCallback((result) => {
        const s = read();
        if (s) result.observe(pick(s));
      });
    gauge('buqi.outbox.pending', 'Events waiting in outboxes', '{event}', (s) => s.pending);
    gauge('buqi.outbox.parked', 'Outbox entries parked after repeated failures', '{event}', (s) => s.parked);
    gauge(
      'buqi.outbox.oldest_due_age',
      'Age of the oldest due, unpublished event',
      'ms',
      (s) => s.oldestDueAgeMs,
    );
  }
}

import { metrics, type Counter, type Histogram } from '@opentelemetry/api';

export type ConsumeOutcome = 'handled' | 'duplicate' | 'dead-lettered';

/**
 * Counters and timings of the event flow. Created when a relay or consumer is built, which is
 * after telemetry started, so they bind to the configured meter provider.
 */
export class MessagingMetrics {
  private readonly published: Counter;
  private readonly consumed: Counter;
  private readonly handling: Histogram;

  constructor() {
    const meter = metrics.getMeter('@buqi/messaging');
    this.published = meter.createCounter('buqi.messaging.published', {
      description: 'Events published from outboxes, by topic',
    });
    this.consumed = meter.createCounter('buqi.messaging.consumed', {
      description: 'Messages taken off a topic by a consumer group, by outcome',
    });
    this.handling = meter.createHistogram('buqi.messaging.handling.duration', {
      description: 'Time from receiving a message to its outcome, retries included',
      unit: 'ms',
    });
  }

  recordPublished(topic: string, count: number): void {
    this.published.add(count, { 'messaging.destination.name': topic });
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
}

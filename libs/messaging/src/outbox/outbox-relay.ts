import { randomUUID } from 'node:crypto';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { Db, Document } from 'mongodb';
import type { Message, Producer } from 'kafkajs';
import type { EventEnvelope } from '@buqi/contracts';
import { H, headerSetter } from '../kafka/headers';
import type { MessagingLogger } from '../messaging.logger';
import { MessagingMetrics } from '../messaging.metrics';
import { OUTBOX_FIELD, type OutboxEntry } from './outbox';
import { RelayLease } from './relay-lease';

export interface RelayHooks {
  /** Called after a document's events were acknowledged by Kafka and before they are pulled. */
  afterPublish?: (entries: OutboxEntry[]) => Promise<void> | void;
}

interface OutboxDoc extends Document {
  [OUTBOX_FIELD]: OutboxEntry[];
}

const tracer = trace.getTracer('@buqi/messaging');

/**
 * Polls outbox-carrying collections (no change streams on FerretDB) and publishes pending events
 * with an idempotent producer and acks=all, then pulls them from their document. A crash between
 * publish and pull re-publishes on restart; consumers drop the duplicate by event id.
 */
export class OutboxRelay {
  private readonly lease: RelayLease;
  private readonly metrics = new MessagingMetrics();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  private again = false;

  constructor(
    private readonly db: Db,
    private readonly producer: Producer,
    private readonly collections: string[],
    private readonly opts: { intervalMs: number; batchSize: number; leaseMs: number; topicPrefix?: string },
    private readonly logger: MessagingLogger,
    private readonly hooks: RelayHooks = {},
  ) {
    this.lease = new RelayLease(db, `relay-${randomUUID()}`, opts.leaseMs);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Publish soon, e.g. right after a write, rather than at the next poll. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await Promise.all(this.collections.map((c) => this.lease.release(c).catch(() => undefined)));
  }

  /**
   * Publishes until nothing is left that this relay may take; returns the count. Documents under
   * another relay's lease are left to it (see `pending()`).
   */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.publishPending();
      total += n;
      if (n === 0) return total;
    }
  }

  /** Events waiting in the outboxes, whoever holds the leases. */
  async pending(): Promise<number> {
    let n = 0;
    for (const name of this.collections) {
      n += await this.db.collection(name).countDocuments({ [`${OUTBOX_FIELD}.0`]: { $exists: true } });
    }
    return n;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // Polling is not part of any request's trace (a nudge would otherwise inherit the caller's
      // context), and its queries would be noise: only the publish spans, parented on the trace
      // stored in each event, are recorded.
      this.running = context
        .with(suppressTracing(ROOT_CONTEXT), () => this.tick())
        .finally(() => {
          this.running = undefined;
          if (this.stopped) return;
          const soon = this.again;
          this.again = false;
          this.schedule(soon ? 0 : this.opts.intervalMs);
        });
    }, delay);
  }

  private async tick(): Promise<void> {
    try {
      while (!this.stopped && (await this.publishPending()) >= this.opts.batchSize) {
        // a full batch means more may wait: go on without sleeping
      }
    } catch (err) {
      this.logger.error({ err }, 'outbox relay: publish failed; will retry');
    }
  }

  private async publishPending(): Promise<number> {
    let published = 0;
    for (const name of this.collections) {
      if (!(await this.lease.acquire(name))) continue;
      const coll = this.db.collection<OutboxDoc>(name);
      const docs = await coll
        .find({ [`${OUTBOX_FIELD}.0`]: { $exists: true } }, { projection: { [OUTBOX_FIELD]: 1 } })
        .limit(this.opts.batchSize)
        .toArray();
      for (const doc of docs) {
        const entries = doc[OUTBOX_FIELD];
        await this.publish(entries);
        await this.hooks.afterPublish?.(entries);
        // $pullAll removes exactly the entries read (FerretDB ignores $pull conditions such as
        // `{ id: { $in } }`); entries pushed meanwhile stay for the next round.
        await coll.updateOne({ _id: doc._id }, { $pullAll: { [OUTBOX_FIELD]: entries } } as Document);
        published += entries.length;
      }
    }
    return published;
  }

  /** One send per document, in array order: with an idempotent producer order per key holds. */
  private async publish(entries: OutboxEntry[]): Promise<void> {
    const spans = entries.map((e) => this.publishSpan(e));
    try {
      const byTopic = new Map<string, Message[]>();
      entries.forEach((e, i) => {
        const topic = (this.opts.topicPrefix ?? '') + e.topic;
        const list = byTopic.get(topic) ?? [];
        list.push({ key: e.key, value: e.value, headers: spans[i].headers });
        byTopic.set(topic, list);
      });
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      for (const e of entries) this.metrics.recordPublished(e.topic, 1);
    } catch (err) {
      for (const s of spans)
        s.span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      throw err;
    } finally {
      for (const s of spans) s.span.end();
    }
  }

  private publishSpan(entry: OutboxEntry) {
    const env = JSON.parse(entry.value) as EventEnvelope;
    const parent = propagation.extract(ROOT_CONTEXT, {
      ...(env.traceparent ? { traceparent: env.traceparent } : {}),
      ...(env.tracestate ? { tracestate: env.tracestate } : {}),
    });
    const span = tracer.startSpan(
      `${entry.topic} publish`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.destination.name': entry.topic,
          'messaging.message.id': entry.id,
          'messaging.kafka.message.key': entry.key,
        },
      },
      parent,
    );
    const headers: Record<string, string> = {
      [H.eventId]: env.id,
      [H.eventType]: env.type,
      [H.eventVersion]: String(env.version),
      [H.correlationId]: env.correlationId,
      [H.contentType]: 'application/json',
    };
    propagation.inject(trace.setSpan(parent, span), headers, headerSetter);
    return { span, headers };
  }
}

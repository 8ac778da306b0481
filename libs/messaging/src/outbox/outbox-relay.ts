import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { context, ROOT_CONTEXT, SpanStatusCode } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { Collection, Db, Document } from 'mongodb';
import type { Message, Producer } from 'kafkajs';
import type { EventEnvelope } from '@buqi/contracts';
import { correlation } from '@buqi/observability';
import { backoffMs } from '../consumer/backoff';
import type { MessagingLogger } from '../messaging.logger';
import { MessagingMetrics } from '../messaging.metrics';
import type { RetryPolicy } from '../messaging.options';
import {
  OUTBOX_DUE_FIELD,
  OUTBOX_FIELD,
  OUTBOX_PARKED_FIELD,
  OUTBOX_RETRY_FIELD,
  type OutboxEntry,
  type OutboxRetry,
  type ParkedEntry,
} from './outbox';
import { publishSpan } from './publish-span';
import { RelayLease } from './relay-lease';
import type { ParkedView, RelayStatus } from './relay-status';
import type { TopicDirectory } from './topic-directory';

export interface RelayHooks {
  /** Called after a document's events were acknowledged by Kafka and before they are removed. */
  afterPublish?: (entries: OutboxEntry[]) => Promise<void> | void;
}

export interface RelayOptions {
  intervalMs: number;
  /** Documents taken per query and published in one batch. */
  batchSize: number;
  leaseMs: number;
  topicPrefix?: string;
  /** Attempts of one entry before it is parked; back-off between them as for handlers. */
  retry: RetryPolicy;
}

interface OutboxDoc extends Document {
  [OUTBOX_FIELD]?: OutboxEntry[];
  [OUTBOX_RETRY_FIELD]?: OutboxRetry;
  [OUTBOX_PARKED_FIELD]?: ParkedEntry[];
}

/** A document just written with events: the relay may read it by _id rather than scan its collection. */
export interface WrittenDocument {
  collection: string;
  id: string;
}

/** Per collection, the documents nudged since the last round, or 'scan' when there were too many. */
type Targets = Map<string, Set<string> | 'scan'>;

/** What happened to one document's entries in a round. */
interface Outcome {
  doc: OutboxDoc;
  entries: OutboxEntry[];
  published: OutboxEntry[];
  failed?: { entry: OutboxEntry; error: Error };
}

/** Backlog figures are counted by reading each collection whole: readiness probes reuse them this long. */
const STATS_TTL_MS = 15_000;
const STATS_REFRESH_MS = 15_000;

/**
 * Polls outbox-carrying collections (no change streams on FerretDB) for documents whose events are
 * due, publishes them with an idempotent producer and acks=all, and removes what was published.
 * A crash between publish and removal re-publishes on restart; consumers drop the duplicate by
 * event id.
 *
 * One bad entry cannot stop the rest: a failure is recorded on its document, retried with back-off
 * (the document is not due again until then) and, after `retry.attempts`, the entry is parked
 * beside the outbox for an operator to inspect and re-drive; the document's later entries then go.
 */
export class OutboxRelay {
  private readonly lease: RelayLease;
  private readonly metrics = new MessagingMetrics();
  private readonly sources = new Map<string, Collection<OutboxDoc>>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  private started = false;
  private startedAt?: Date;
  private again = false;
  /** The next round looks through every collection (the first round, polls, unnamed nudges). */
  private scanAll = true;
  private targets: Targets = new Map();
  private lastRoundAt?: Date;
  private lastError?: { message: string; at: Date };
  private stats?: RelayStatus;

  constructor(
    private readonly db: Db,
    private readonly producer: Producer,
    private readonly topics: TopicDirectory,
    private readonly opts: RelayOptions,
    private readonly logger: MessagingLogger,
    private readonly hooks: RelayHooks = {},
  ) {
    this.lease = new RelayLease(db, `relay-${randomUUID()}`, opts.leaseMs);
    this.metrics.observeOutbox(() => this.stats);
  }

  /** Adds a collection whose documents carry an outbox. Only before the relay starts. */
  addCollection(name: string): this {
    if (this.started) throw new Error(`cannot add outbox collection ${name} after the relay started`);
    if (!this.sources.has(name)) this.sources.set(name, this.db.collection<OutboxDoc>(name));
    return this;
  }

  get collections(): string[] {
    return [...this.sources.keys()];
  }

  start(): void {
    this.started = true;
    this.startedAt = new Date();
    this.stopped = false;
    this.scanAll = true;
    this.schedule(0);
  }

  /**
   * Publish soon, e.g. right after a write, rather than at the next poll. With the document named,
   * the round reads just the documents nudged since the last one, by _id: on FerretDB a query on the
   * due field reads every document of the collection. The polls still look through everything, so
   * whatever a nudge missed (another instance's writes, retries coming due) leaves at the next one.
   */
  nudge(where?: WrittenDocument): void {
    if (this.stopped) return;
    if (where && this.sources.has(where.collection)) {
      const ids = this.targets.get(where.collection) ?? new Set<string>();
      if (ids !== 'scan') ids.add(where.id);
      this.targets.set(where.collection, ids !== 'scan' && ids.size > this.opts.batchSize ? 'scan' : ids);
    } else {
      this.scanAll = true;
    }
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /**
   * Stops polling and waits for the round in progress, at most `timeoutMs`: a send that the
   * producer keeps retrying (Kafka unreachable) must not hold the shutdown; what it did not finish
   * is published again by the next relay.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.running) {
      const finished = await Promise.race([this.running.then(() => true), sleep(timeoutMs, false)]);
      if (!finished) this.logger.warn({ timeoutMs }, 'outbox relay: round still running at shutdown');
    }
    await Promise.all(this.collections.map((c) => this.lease.release(c).catch(() => undefined)));
  }

  /**
   * Publishes until nothing due is left that this relay may take; returns the count published.
   * Documents under another relay's lease, and entries waiting for a retry, are left.
   */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.publishDue(this.sources.keys());
      total += n.published;
      if (n.documents === 0) return total;
    }
  }

  /** Events waiting in the outboxes now, whoever holds the leases (uncached). */
  async pending(): Promise<number> {
    let n = 0;
    for (const coll of this.sources.values()) {
      const docs = await coll
        .find({ [OUTBOX_DUE_FIELD]: { $exists: true } }, { projection: { [OUTBOX_FIELD]: 1 } })
        .toArray();
      for (const d of docs) n += d[OUTBOX_FIELD]?.length ?? 0;
    }
    return n;
  }

  /** Backlog figures, counted at most every few seconds (the counts scan on FerretDB). */
  async status(now = new Date()): Promise<RelayStatus> {
    if (this.stats && now.getTime() - this.stats.countedAt.getTime() < STATS_TTL_MS) return this.stats;
    let pending = 0;
    let parked = 0;
    let oldestDue: Date | undefined;
    for (const coll of this.sources.values()) {
      // One pass over the collection for both (each query with a filter reads all of it on FerretDB).
      const docs = await coll
        .find(
          {
            $or: [
              { [OUTBOX_DUE_FIELD]: { $exists: true } },
              { [`${OUTBOX_PARKED_FIELD}.parkedAt`]: { $exists: true } },
            ],
          },
          { projection: { [OUTBOX_FIELD]: 1, [OUTBOX_DUE_FIELD]: 1, [OUTBOX_PARKED_FIELD]: 1 } },
        )
        .toArray();
      for (const d of docs) {
        parked += d[OUTBOX_PARKED_FIELD]?.length ?? 0;
        pending += d[OUTBOX_FIELD]?.length ?? 0;
        const due = d[OUTBOX_DUE_FIELD] as Date | undefined;
        if ((d[OUTBOX_FIELD]?.length ?? 0) > 0 && due && due <= now && (!oldestDue || due < oldestDue))
          oldestDue = due;
      }
    }
    this.stats = {
      pending,
      parked,
      oldestDueAgeMs: oldestDue ? now.getTime() - oldestDue.getTime() : 0,
      ...(this.lastRoundAt && { lastRoundAt: this.lastRoundAt }),
      ...(this.lastError && { lastError: this.lastError }),
      countedAt: now,
    };
    return this.stats;
  }

  /** Whether the relay is running, and when it last completed a round. */
  get liveness(): {
    started: boolean;
    stopped: boolean;
    startedAt?: Date;
    lastRoundAt?: Date;
    lastError?: { message: string; at: Date };
  } {
    return {
      started: this.started,
      ...(this.startedAt && { startedAt: this.startedAt }),
      stopped: this.stopped,
      ...(this.lastRoundAt && { lastRoundAt: this.lastRoundAt }),
      ...(this.lastError && { lastError: this.lastError }),
    };
  }

  async listParked(): Promise<ParkedView[]> {
    const out: ParkedView[] = [];
    for (const [name, coll] of this.sources) {
      for (const d of await this.parkedDocs(coll)) {
        for (const p of d[OUTBOX_PARKED_FIELD] ?? []) {
          out.push({
            collection: name,
            documentId: String(d._id),
            entryId: p.entry.id,
            topic: p.entry.topic,
            key: p.entry.key,
            attempts: p.attempts,
            error: p.error,
            parkedAt: p.parkedAt,
          });
        }
      }
    }
    return out.sort((a, b) => a.parkedAt.getTime() - b.parkedAt.getTime());
  }

  /**
   * Moves parked entries (all, or those with the given ids) back into their outboxes, due now.
   * They go after any entries written since, so they leave after them. Returns how many moved.
   */
  async redriveParked(entryIds?: readonly string[], now = new Date()): Promise<number> {
    const wanted = entryIds ? new Set(entryIds) : undefined;
    let moved = 0;
    for (const coll of this.sources.values()) {
      for (const d of await this.parkedDocs(coll)) {
        const parked = d[OUTBOX_PARKED_FIELD] ?? [];
        const back = parked.filter((p) => !wanted || wanted.has(p.entry.id));
        if (back.length === 0) continue;
        const keep = parked.filter((p) => !back.includes(p));
        // Guarded by the parked list as read, so two operators cannot re-drive one entry twice.
        const r = await coll.updateOne(
          { _id: d._id, [OUTBOX_PARKED_FIELD]: parked } as Document,
          {
            ...(keep.length
              ? { $set: { [OUTBOX_PARKED_FIELD]: keep } }
              : { $unset: { [OUTBOX_PARKED_FIELD]: '' } }),
            $push: { [OUTBOX_FIELD]: { $each: back.map((p) => p.entry) } },
            $min: { [OUTBOX_DUE_FIELD]: now },
          } as Document,
        );
        if (r.modifiedCount === 1) moved += back.length;
      }
    }
    this.stats = undefined;
    // Re-driving usually follows a fix such as creating the topic: look again rather than trust the cache.
    this.topics.forget();
    if (moved > 0) this.nudge();
    return moved;
  }

  private parkedDocs(coll: Collection<OutboxDoc>): Promise<OutboxDoc[]> {
    return coll
      .find(
        { [`${OUTBOX_PARKED_FIELD}.parkedAt`]: { $exists: true } },
        { projection: { [OUTBOX_PARKED_FIELD]: 1 } },
      )
      .toArray();
  }

  private schedule(delay: number, poll = false): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // Taken before the round's first query, so a write nudged before it is seen by it.
      const targets = this.targets;
      this.targets = new Map();
      const all = poll || this.scanAll;
      this.scanAll = false;
      // Polling is not part of any request's trace or correlation (a nudge would otherwise inherit
      // the caller's), and its queries would be noise: only the publish spans, parented on the trace
      // stored in each event, are recorded; failures are logged with the event's correlation id.
      this.running = correlation
        .detached(() =>
          context.with(suppressTracing(ROOT_CONTEXT), () => this.tick(all ? undefined : targets)),
        )
        .finally(() => {
          this.running = undefined;
          if (this.stopped) return;
          const soon = this.again;
          this.again = false;
          if (soon) this.schedule(0);
          else this.schedule(this.opts.intervalMs, true);
        });
    }, delay);
  }

  /** One round: every collection (`targets` undefined) or just the documents nudged. */
  private async tick(targets?: Targets): Promise<void> {
    try {
      if (targets) {
        await this.publishTargets(targets);
        this.lastRoundAt = new Date();
      }
      // A full batch means more may wait: go on without sleeping.
      const scan = targets
        ? [...targets].filter(([, ids]) => ids === 'scan').map(([name]) => name)
        : [...this.sources.keys()];
      while (scan.length > 0) {
        const { documents } = await this.publishDue(scan);
        this.lastRoundAt = new Date();
        if (this.stopped || documents < this.opts.batchSize) break;
      }
      // Keeps the backlog gauges current even when nobody asks for readiness.
      if (!this.stats || Date.now() - this.stats.countedAt.getTime() >= STATS_REFRESH_MS) await this.status();
    } catch (err) {
      this.lastError = { message: (err as Error).message, at: new Date() };
      this.logger.error({ err }, 'outbox relay: round failed; will retry');
    }
  }

  /** The nudged documents, each read by _id, published if due. */
  private async publishTargets(targets: Targets, now = new Date()): Promise<void> {
    for (const [name, ids] of targets) {
      if (ids === 'scan' || (this.stopped && this.started)) continue;
      const coll = this.sources.get(name);
      if (!coll || !(await this.lease.acquire(name))) continue;
      const docs: OutboxDoc[] = [];
      for (const id of ids) {
        const doc = await coll.findOne({ _id: id } as Document, {
          projection: { [OUTBOX_FIELD]: 1, [OUTBOX_RETRY_FIELD]: 1, [OUTBOX_DUE_FIELD]: 1 },
        });
        const due = doc?.[OUTBOX_DUE_FIELD] as Date | undefined;
        if (doc && due && due <= now) docs.push(doc);
      }
      for (const outcome of await this.publishDocs(docs)) await this.settle(coll, outcome, now);
    }
  }

  private async publishDue(
    names: Iterable<string>,
    now = new Date(),
  ): Promise<{ documents: number; published: number }> {
    let documents = 0;
    let published = 0;
    for (const name of names) {
      const coll = this.sources.get(name);
      if (!coll) continue;
      if (this.stopped && this.started) break;
      if (!(await this.lease.acquire(name))) continue;
      const docs = await coll
        .find(
          { [OUTBOX_DUE_FIELD]: { $lte: now } },
          {
            projection: { [OUTBOX_FIELD]: 1, [OUTBOX_RETRY_FIELD]: 1 },
            sort: { [OUTBOX_DUE_FIELD]: 1 },
            limit: this.opts.batchSize,
          },
        )
        .toArray();
      documents += docs.length;
      for (const outcome of await this.publishDocs(docs)) {
        await this.settle(coll, outcome, now);
        published += outcome.published.length;
      }
    }
    return { documents, published };
  }

  /**
   * Sends every sendable entry of the batch at once; if that fails, document by document and
   * entry by entry, so the failure is pinned on one entry. An entry whose topic does not exist
   * fails at once, and holds back the entries after it in its own document only.
   */
  private async publishDocs(docs: OutboxDoc[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (const doc of docs) {
      const entries = doc[OUTBOX_FIELD] ?? [];
      const outcome: Outcome = { doc, entries, published: [] };
      for (const entry of entries) {
        if (!(await this.topics.exists(this.physical(entry.topic)))) {
          outcome.failed = { entry, error: new Error(`topic ${this.physical(entry.topic)} does not exist`) };
          break;
        }
        outcome.published.push(entry);
      }
      outcomes.push(outcome);
    }
    const sendable = outcomes.flatMap((o) => o.published);
    if (sendable.length === 0) return outcomes;
    try {
      await this.send(sendable);
      return outcomes;
    } catch (err) {
      this.logger.warn(
        { err, entries: sendable.length },
        'outbox relay: batch failed; publishing entry by entry',
      );
    }
    for (const o of outcomes) {
      const candidates = o.published;
      o.published = [];
      for (const entry of candidates) {
        try {
          await this.send([entry]);
          o.published.push(entry);
        } catch (err) {
          o.failed = { entry, error: err as Error };
          break;
        }
      }
    }
    return outcomes;
  }

  /** Records one document's outcome in one write (two when entries arrived meanwhile). */
  private async settle(coll: Collection<OutboxDoc>, o: Outcome, now: Date): Promise<void> {
    if (o.published.length > 0) await this.hooks.afterPublish?.(o.published);
    if (o.entries.length === 0) {
      // Due but empty (its entries were parked or pulled): no longer due, unless one arrived since.
      await coll.updateOne({ _id: o.doc._id, [`${OUTBOX_FIELD}.0`]: { $exists: false } } as Document, {
        $unset: { [OUTBOX_DUE_FIELD]: '', [OUTBOX_RETRY_FIELD]: '' },
      });
      return;
    }
    if (!o.failed) {
      // Everything read went out: clear the outbox if nothing was pushed since we read it.
      const cleared = await coll.updateOne({ _id: o.doc._id, [OUTBOX_FIELD]: o.entries } as Document, {
        $unset: { [OUTBOX_FIELD]: '', [OUTBOX_DUE_FIELD]: '', [OUTBOX_RETRY_FIELD]: '' },
      });
      if (cleared.matchedCount === 1) return;
      // $pullAll of the entries as read (FerretDB ignores $pull conditions); newer entries stay due.
      await coll.updateOne({ _id: o.doc._id }, {
        $pullAll: { [OUTBOX_FIELD]: o.published },
        $unset: { [OUTBOX_RETRY_FIELD]: '' },
      } as Document);
      return;
    }
    const { entry, error } = o.failed;
    await correlation.run(correlationOf(entry), () => this.recordFailure(coll, o, entry, error, now));
  }

  private async recordFailure(
    coll: Collection<OutboxDoc>,
    o: Outcome,
    entry: OutboxEntry,
    error: Error,
    now: Date,
  ): Promise<void> {
    const retry = o.doc[OUTBOX_RETRY_FIELD];
    const attempts = retry?.entryId === entry.id ? retry.attempts + 1 : 1;
    this.metrics.recordPublishFailure(entry.topic);
    const removed = o.published.length ? { $pullAll: { [OUTBOX_FIELD]: o.published } } : {};
    if (attempts >= this.opts.retry.attempts) {
      this.logger.error(
        { err: error, topic: entry.topic, eventId: entry.id, attempts },
        'outbox relay: entry parked after repeated failures; re-drive it once the cause is fixed',
      );
      const parked: ParkedEntry = { entry, attempts, error: error.message.slice(0, 2_000), parkedAt: now };
      await coll.updateOne({ _id: o.doc._id }, {
        $pullAll: { [OUTBOX_FIELD]: [...o.published, entry] },
        $push: { [OUTBOX_PARKED_FIELD]: parked },
        $unset: { [OUTBOX_RETRY_FIELD]: '' },
      } as Document);
      this.stats = undefined;
      return;
    }
    const delay = backoffMs(this.opts.retry, attempts);
    this.logger.warn(
      { err: error, topic: entry.topic, eventId: entry.id, attempts, retryInMs: delay },
      'outbox relay: entry failed; will retry',
    );
    const failure: OutboxRetry = {
      entryId: entry.id,
      attempts,
      error: error.message.slice(0, 2_000),
      at: now,
    };
    await coll.updateOne({ _id: o.doc._id }, {
      ...removed,
      $set: { [OUTBOX_RETRY_FIELD]: failure, [OUTBOX_DUE_FIELD]: new Date(now.getTime() + delay) },
    } as Document);
  }

  /** One batch in entry order: with an idempotent producer and one request in flight, order per key holds. */
  private async send(entries: OutboxEntry[]): Promise<void> {
    const spans = entries.map((e) => publishSpan(e));
    try {
      const byTopic = new Map<string, Message[]>();
      entries.forEach((e, i) => {
        const topic = this.physical(e.topic);
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

  private physical(topic: string): string {
    return (this.opts.topicPrefix ?? '') + topic;
  }
}

function correlationOf(entry: OutboxEntry): string {
  try {
    return (JSON.parse(entry.value) as Pick<EventEnvelope, 'correlationId'>).correlationId;
  } catch {
    return entry.id;
  }
}

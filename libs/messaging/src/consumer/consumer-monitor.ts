import type { Consumer } from 'kafkajs';
import type { MessagingOptions } from '../messaging.options';

export type ConsumerState = 'idle' | 'joining' | 'running' | 'restarting' | 'crashed' | 'stopped';

export interface ConsumerHealth {
  group: string;
  state: ConsumerState;
  topics: string[];
  /** When the consumer last fetched, heart-beat or finished a message. */
  lastActivityAt?: Date;
  error?: string;
}

/**
 * Follows a kafkajs consumer through its instrumentation events, so readiness can tell a consumer
 * that works from one that never joined, crashed for good, or stopped making progress.
 */
export class ConsumerMonitor {
  private state: ConsumerState = 'idle';
  private topics: string[] = [];
  private since = Date.now();
  private lastActivity?: number;
  private error?: string;
  private joined?: Promise<void>;

  constructor(
    private readonly group: string,
    private readonly timing: MessagingOptions['consumer'],
  ) {}

  watch(consumer: Consumer, topics: string[]): void {
    this.topics = topics;
    this.enter('joining');
    const { GROUP_JOIN, FETCH_START, HEARTBEAT, CRASH } = consumer.events;
    this.joined = new Promise((resolve) =>
      consumer.on(GROUP_JOIN, () => {
        this.enter('running');
        this.progressed();
        resolve();
      }),
    );
    consumer.on(FETCH_START, () => this.progressed());
    consumer.on(HEARTBEAT, () => this.progressed());
    consumer.on(CRASH, (e) => {
      this.error = e.payload.error.message;
      // kafkajs restarts after a retriable crash; a non-retriable one ends consumption for good.
      this.enter(e.payload.restart ? 'restarting' : 'crashed');
    });
  }

  progressed(now = Date.now()): void {
    this.lastActivity = now;
  }

  stopped(): void {
    if (this.state !== 'idle') this.enter('stopped');
  }

  async waitUntilJoined(timeoutMs: number): Promise<void> {
    if (!this.joined) throw new Error('the consumer has not been started');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`consumer group ${this.group} not joined after ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    await Promise.race([this.joined, timeout]).finally(() => clearTimeout(timer));
  }

  health(): ConsumerHealth {
    return {
      group: this.group,
      state: this.state,
      topics: this.topics,
      ...(this.lastActivity !== undefined && { lastActivityAt: new Date(this.lastActivity) }),
      ...(this.error !== undefined && { error: this.error }),
    };
  }

  /**
   * Why the consumer cannot do its work, or undefined when it can. A consumer in a long handler
   * still heart-beats between attempts; silence beyond twice the session timeout (and at least a
   * minute) means it is stuck.
   */
  problem(now = Date.now()): string | undefined {
    const stallMs = Math.max(60_000, 2 * this.timing.sessionTimeoutMs);
    switch (this.state) {
      case 'idle':
      case 'stopped':
        return undefined;
      case 'crashed':
        return `consumer group ${this.group} crashed and will not restart: ${this.error ?? 'unknown error'}`;
      case 'joining':
      case 'restarting':
        return now - this.since > stallMs
          ? `consumer group ${this.group} has not joined for ${Math.round((now - this.since) / 1000)} s${this.error ? ` (last error: ${this.error})` : ''}`
          : undefined;
      case 'running': {
        const quiet = now - (this.lastActivity ?? this.since);
        return quiet > stallMs
          ? `consumer group ${this.group} has made no progress for ${Math.round(quiet / 1000)} s`
          : undefined;
      }
    }
  }

  private enter(state: ConsumerState): void {
    this.state = state;
    this.since = Date.now();
  }
}

import type { Admin } from 'kafkajs';

/**
 * Which topics exist on the cluster, so the relay can tell an entry for a missing topic from a
 * broker outage. The idempotent producer retries a send to a missing topic for as long as it
 * retries anything (indefinitely), which would hold every later entry behind it.
 */
export class TopicDirectory {
  private known = new Set<string>();
  private refreshedAt = 0;

  constructor(
    private readonly admin: Pick<Admin, 'listTopics'>,
    private readonly minRefreshMs = 2_000,
  ) {}

  async exists(topic: string, now = Date.now()): Promise<boolean> {
    if (this.known.has(topic)) return true;
    if (now - this.refreshedAt >= this.minRefreshMs) {
      this.known = new Set(await this.admin.listTopics());
      this.refreshedAt = now;
    }
    return this.known.has(topic);
  }

  /** The next question about an unknown topic asks the cluster again (e.g. after an operator created it). */
  forget(): void {
    this.refreshedAt = 0;
  }
}

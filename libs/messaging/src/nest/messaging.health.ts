import { degraded, type Degraded } from '@buqi/platform';
import type { EventConsumer } from '../consumer/event-consumer';
import type { OutboxRelay } from '../outbox/outbox-relay';

/**
 * The relay is down when it has not finished a round for `stuckAfterMs` (Kafka or the database
 * unreachable, a send that never returns) or a due event has waited that long; degraded while
 * entries are parked and wait for an operator.
 */
export async function checkRelay(
  relay: OutboxRelay,
  stuckAfterMs: number,
  now = Date.now(),
): Promise<Degraded | void> {
  const live = relay.liveness;
  if (!live.started) throw new Error('outbox relay has not started');
  if (live.stopped) throw new Error('outbox relay has stopped');
  const since = (live.lastRoundAt ?? live.startedAt)?.getTime() ?? now;
  if (now - since > stuckAfterMs)
    throw new Error(
      `outbox relay has not completed a round for ${Math.round((now - since) / 1000)} s${live.lastError ? `: ${live.lastError.message}` : ''}`,
    );
  const status = await relay.status();
  if (status.oldestDueAgeMs > stuckAfterMs)
    throw new Error(
      `an outbox event has waited ${Math.round(status.oldestDueAgeMs / 1000)} s to be published`,
    );
  if (status.parked > 0)
    return degraded(
      `${status.parked} outbox ${status.parked === 1 ? 'entry is' : 'entries are'} parked after repeated publish failures; see GET /admin/outbox/parked`,
    );
}

export async function checkConsumer(consumer: EventConsumer): Promise<void> {
  const problem = consumer.monitor.problem();
  if (problem) throw new Error(problem);
}

import { Degraded } from '@buqi/platform';
import type { OutboxRelay } from '../outbox/outbox-relay';
import type { RelayStatus } from '../outbox/relay-status';
import { checkRelay } from './messaging.health';

const now = Date.parse('2026-03-02T09:00:00Z');
const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000);

function relay(live: Partial<OutboxRelay['liveness']>, status: Partial<RelayStatus> = {}): OutboxRelay {
  return {
    liveness: { started: true, stopped: false, startedAt: at(300), ...live },
    status: async () => ({ pending: 0, parked: 0, oldestDueAgeMs: 0, countedAt: at(0), ...status }),
  } as unknown as OutboxRelay;
}

describe('the outbox readiness check', () => {
  it('is up while rounds complete and nothing waits too long', async () => {
    await expect(checkRelay(relay({ lastRoundAt: at(1) }), 60_000, now)).resolves.toBeUndefined();
  });

  it('is down when the relay has not completed a round for the limit, naming the last error', async () => {
    await expect(
      checkRelay(
        relay({ lastRoundAt: at(90), lastError: { message: 'kafka unreachable', at: at(5) } }),
        60_000,
        now,
      ),
    ).rejects.toThrow('outbox relay has not completed a round for 90 s: kafka unreachable');
    // Stuck in its very first round: counted from its start.
    await expect(checkRelay(relay({}), 60_000, now)).rejects.toThrow(/for 300 s/);
  });

  it('is down when a due event has waited longer than the limit', async () => {
    await expect(
      checkRelay(relay({ lastRoundAt: at(1) }, { oldestDueAgeMs: 75_000 }), 60_000, now),
    ).rejects.toThrow('an outbox event has waited 75 s to be published');
  });

  it('is degraded, with the count, while entries are parked', async () => {
    const result = await checkRelay(relay({ lastRoundAt: at(1) }, { parked: 2 }), 60_000, now);
    expect(result).toBeInstanceOf(Degraded);
    expect((result as Degraded).reason).toMatch(/^2 outbox entries are parked/);
  });

  it('is down before the relay starts and after it stops', async () => {
    await expect(checkRelay(relay({ started: false }), 60_000, now)).rejects.toThrow('has not started');
    await expect(checkRelay(relay({ stopped: true }), 60_000, now)).rejects.toThrow('has stopped');
  });
});

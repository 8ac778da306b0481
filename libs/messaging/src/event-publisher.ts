import type { DataOf, EnvelopeOf, EventContract } from '@buqi/contracts';
import { createEvent, type EventMeta } from './outbox/create-event';
import type { OutboxRelay, WrittenDocument } from './outbox/outbox-relay';
import { toOutboxEntry, type OutboxEntry } from './outbox/outbox';

/**
 * Builds validated outbox entries for a service. The caller stores them in the same write as
 * the state change (`withOutbox` on insert, `pushOutbox` on update) and then calls `written()`.
 */
export class EventPublisher {
  constructor(
    private readonly source: string,
    private readonly relay?: OutboxRelay,
  ) {}

  entry<C extends EventContract>(
    contract: C,
    data: DataOf<C>,
    meta: Omit<EventMeta, 'source'>,
  ): { envelope: EnvelopeOf<C>; entry: OutboxEntry } {
    const envelope = createEvent(contract, data, { ...meta, source: this.source });
    return { envelope, entry: toOutboxEntry(contract, envelope) };
  }

  /**
   * Tells the relay that new events wait, so they leave now rather than at the next poll; naming the
   * document lets it read that one by _id instead of looking through the whole collection.
   */
  written(where?: WrittenDocument): void {
    this.relay?.nudge(where);
  }
}

import type { ChannelReach } from '../domain/notification';
import type { DeliveryDocument } from '../persistence/delivery.schema';

/**
 * A way to reach people. `send` delivers one recorded delivery or throws a DeliveryError; it may be
 * called again for the same delivery (a retry, a job run twice), so it is idempotent where the
 * medium allows (the in-app inbox is; a chat or a mail server may show a repeat).
 */
export interface DeliveryChannel extends ChannelReach {
  send(delivery: DeliveryDocument): Promise<void>;
  close?(): Promise<void>;
}

/**
 * A failed send, as a sentence fit to record and log: it names the channel and its answer, never a
 * webhook URL, a secret or the message. `permanent`: trying again cannot help.
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

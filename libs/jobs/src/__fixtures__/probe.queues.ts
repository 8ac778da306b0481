// Queues of the tests only; production queues live in queues.ts.
import { defineQueue } from '../queue-definition';

export const ProbeQueue = defineQueue<{
  /** `gated`: the processor waits until the test opens the gate of `token`. */
  echo: { token: string; gated?: boolean };
  fail: { token: string };
}>('probes');

export const AuditQueue = defineQueue<{ echo: { token: string } }>('audit');

/** Declared but given no processor: no worker may start for it. */
export const IdleQueue = defineQueue<{ echo: { token: string } }>('idle');

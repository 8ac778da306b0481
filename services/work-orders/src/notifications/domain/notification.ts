import { createHash } from 'node:crypto';
import { DomainValidationError } from '@buqi/domain-kernel';

/** Who a notification is for: a user of Buqi (the token's `sub`), with an address for e-mail. */
export interface Recipient {
  readonly userId: string;
  readonly name?: string;
  readonly email?: string;
}

/**
 * One thing to tell people, e.g. "work order WO-17 is escalated to you". `id` is the caller's and
 * makes notify idempotent: derive it from what happened (`esc-<orderId>-<step>`), never at random.
 */
export interface Notification {
  readonly id: string;
  readonly recipients: readonly Recipient[];
  readonly subject: string;
  readonly body: string;
  /** Where to act on it, e.g. the work order's page. */
  readonly link?: string;
}

export const CHANNELS = ['in-app', 'email', 'wecom', 'dingtalk'] as const;
export type ChannelName = (typeof CHANNELS)[number];

/**
 * Who a channel sends to: `person` channels send one message to each recipient they can reach (the
 * in-app inbox, e-mail), `group` channels one message per notification to a group chat that names
 * the recipients (企业微信 and 钉钉 group robots).
 */
export type ChannelAudience = 'person' | 'group';

/** The recipient of a group channel's delivery. */
export const GROUP = 'group';

export const LIMITS = Object.freeze({
  id: 120,
  recipients: 100,
  subject: 200,
  body: 4_000,
  link: 2_000,
  name: 100,
  email: 254,
  userId: 200,
});

const ID = /^[A-Za-z0-9._:-]+$/;
const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;

/** Checks a notification before anything is recorded; throws DomainValidationError naming the field. */
export function validateNotification(n: Notification): void {
  text('id', n.id, LIMITS.id);
  if (!ID.test(n.id))
    throw new DomainValidationError('id', n.id, "must be letters, digits, '.', '_', ':' or '-'");
  text('subject', n.subject, LIMITS.subject);
  text('body', n.body, LIMITS.body);
  if (n.link !== undefined) {
    text('link', n.link, LIMITS.link);
    if (!/^https?:\/\//i.test(n.link) || !URL.canParse(n.link))
      throw new DomainValidationError('link', n.link, 'must be an http(s) URL');
  }
  if (!Array.isArray(n.recipients) || n.recipients.length === 0)
    throw new DomainValidationError('recipients', n.recipients, 'must name at least one recipient');
  if (n.recipients.length > LIMITS.recipients)
    throw new DomainValidationError(
      'recipients',
      n.recipients.length,
      `must be at most ${LIMITS.recipients}`,
    );
  const seen = new Set<string>();
  n.recipients.forEach((r, i) => {
    text(`recipients[${i}].userId`, r.userId, LIMITS.userId);
    if (seen.has(r.userId))
      throw new DomainValidationError(`recipients[${i}].userId`, r.userId, 'is repeated');
    seen.add(r.userId);
    if (r.name !== undefined) text(`recipients[${i}].name`, r.name, LIMITS.name);
    if (r.email !== undefined && (r.email.length > LIMITS.email || !EMAIL.test(r.email)))
      throw new DomainValidationError(`recipients[${i}].email`, r.email, 'is not an e-mail address');
  });
}

function text(field: string, value: unknown, max: number): void {
  if (typeof value !== 'string' || value.trim() === '')
    throw new DomainValidationError(field, value, 'must be a non-empty string');
  if (value.length > max)
    throw new DomainValidationError(field, value.length, `must be at most ${max} characters`);
}

/** One message to send: a notification by one channel to one recipient (or to the channel's group). */
export interface PlannedDelivery {
  readonly id: string;
  readonly notificationId: string;
  readonly channel: ChannelName;
  /** The recipient's userId, or GROUP. */
  readonly recipient: string;
}

/** A channel as the planner sees it: its name, its audience, whom it can reach. */
export interface ChannelReach {
  readonly name: ChannelName;
  readonly audience: ChannelAudience;
  reaches(recipient: Recipient): boolean;
}

/**
 * The deliveries a notification makes over the channels configured: one per recipient each person
 * channel reaches, one per group channel. Their ids depend on nothing else, so planning the same
 * notification again gives the same deliveries.
 */
export function planDeliveries(n: Notification, channels: readonly ChannelReach[]): PlannedDelivery[] {
  const planned: PlannedDelivery[] = [];
  for (const channel of channels) {
    const recipients =
      channel.audience === 'group'
        ? [GROUP]
        : n.recipients.filter((r) => channel.reaches(r)).map((r) => r.userId);
    for (const recipient of recipients)
      planned.push({
        id: deliveryId(n.id, channel.name, recipient),
        notificationId: n.id,
        channel: channel.name,
        recipient,
      });
  }
  return planned;
}

/**
 * A delivery's id: the channel and a hash of (notification, channel, recipient). User ids may hold
 * any character; the id keeps to what BullMQ job ids and URLs allow.
 */
export function deliveryId(notificationId: string, channel: ChannelName, recipient: string): string {
  const hash = createHash('sha256')
    .update(`${notificationId}\u0000${channel}\u0000${recipient}`)
    .digest('hex');
  return `${channel}-${hash.slice(0, 32)}`;
}

/** The text of a message for a chat or plain-text mail: subject, body, link. */
export function plainText(n: Pick<Notification, 'subject' | 'body' | 'link'>): string {
  return [n.subject, n.body, ...(n.link ? [n.link] : [])].join('\n');
}

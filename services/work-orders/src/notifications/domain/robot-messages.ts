import { createHmac } from 'node:crypto';
import { plainText, type Notification, type Recipient } from './notification';

/** A group robot's text message, as 企业微信 (WeCom) and 钉钉 (DingTalk) both take it. */
export interface RobotTextMessage {
  readonly msgtype: 'text';
  readonly text: { readonly content: string };
}

/** WeCom refuses text content over 2,048 bytes of UTF-8. */
export const WECOM_MAX_BYTES = 2_048;
/** DingTalk takes far longer text than WeCom; a message is cut well below its limit. */
export const DINGTALK_MAX_BYTES = 18_000;

/**
 * What a group chat reads: the notification, then whom it is for ("@张三 @李四"). The names are text,
 * not the robots' @-mentions, which need the people's WeCom or DingTalk ids.
 */
export function groupContent(
  n: Pick<Notification, 'subject' | 'body' | 'link'>,
  recipients: readonly Pick<Recipient, 'userId' | 'name'>[],
): string {
  const names = recipients.map((r) => `@${r.name ?? r.userId}`).join(' ');
  return names ? `${plainText(n)}\n${names}` : plainText(n);
}

/** The body a WeCom group robot's webhook takes: `{"msgtype":"text","text":{"content":...}}`. */
export function wecomText(content: string): RobotTextMessage {
  return { msgtype: 'text', text: { content: cutToBytes(content, WECOM_MAX_BYTES) } };
}

/** The body a DingTalk robot's webhook takes: `{"msgtype":"text","text":{"content":...}}`. */
export function dingtalkText(content: string): RobotTextMessage {
  return { msgtype: 'text', text: { content: cutToBytes(content, DINGTALK_MAX_BYTES) } };
}

/**
 * DingTalk's signature for a robot with a signing secret: Base64 of HMAC-SHA256, keyed by the
 * secret, of "<timestamp>\n<secret>" (timestamp in milliseconds).
 */
export function dingtalkSignature(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The webhook URL with `&timestamp=..&sign=..` appended (the signature URL-encoded), as DingTalk checks it. */
export function dingtalkSignedUrl(webhookUrl: string, secret: string, timestampMs: number): string {
  const sign = encodeURIComponent(dingtalkSignature(secret, timestampMs));
  const joiner = webhookUrl.includes('?') ? '&' : '?';
  return `${webhookUrl}${joiner}timestamp=${timestampMs}&sign=${sign}`;
}

/** `text` cut to at most `maxBytes` of UTF-8, never inside a character, marked with "…" when cut. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const ellipsis = '…';
  let budget = maxBytes - Buffer.byteLength(ellipsis, 'utf8');
  let out = '';
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (size > budget) break;
    out += ch;
    budget -= size;
  }
  return out + ellipsis;
}

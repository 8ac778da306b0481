import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { engineEnv, uniqueName, waitFor } from '@buqi/testing';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';
import type { Notification } from './domain/notification';
import { Notifier } from './notifier';
import { DeliveryRepository } from './persistence/delivery.repository';
import type { DeliveryDocument } from './persistence/delivery.schema';

// Notifications through the whole service, in process, on the real engines: e-mail to the local
// Mailpit (read back through its HTTP API), and a WeCom group robot played by a loopback server.

const { SMTP_URL, MAILPIT_API_URL } = engineEnv();

/**
 * The robot: for each message (told apart by its first line, the subject) it answers HTTP 500 to
 * the first two tries and accepts the next; a subject holding "[refuse]" is refused every time.
 */
const robot = new Map<string, { tries: number; accepted: unknown[] }>();
let robotServer: Server;

function answerRobot(req: IncomingMessage, res: ServerResponse): void {
  let raw = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (raw += chunk));
  req.on('end', () => {
    const body = JSON.parse(raw) as { text: { content: string } };
    const subject = body.text.content.split('\n')[0];
    const seen = robot.get(subject) ?? { tries: 0, accepted: [] };
    robot.set(subject, seen);
    seen.tries += 1;
    if (seen.tries <= 2 || subject.includes('[refuse]')) {
      res.writeHead(500).end();
      return;
    }
    seen.accepted.push(body);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
  });
}

let service: ServiceUnderTest;
let notifier: Notifier;
let deliveries: DeliveryRepository;

beforeAll(async () => {
  robotServer = createServer(answerRobot);
  await new Promise<void>((resolve) => robotServer.listen(0, '127.0.0.1', resolve));
  const robotUrl = `http://127.0.0.1:${(robotServer.address() as AddressInfo).port}`;
  service = await startServiceApp('notifications', {
    SMTP_URL,
    WECOM_WEBHOOK_URL: `${robotUrl}/cgi-bin/webhook/send?key=test-robot-key`,
    // Retries after 200 ms, 400 ms, 800 ms, 1.6 s: a delivery refused every time ends within ~3 s.
    NOTIFY_RETRY_DELAY: '200ms',
    NOTIFY_ATTEMPTS: '5',
  });
  notifier = service.app.get(Notifier);
  deliveries = service.app.get(DeliveryRepository);
});

afterAll(async () => {
  await service?.close();
  await new Promise<void>((resolve) => (robotServer ? robotServer.close(() => resolve()) : resolve()));
});

interface MailpitMessage {
  ID: string;
  Subject: string;
  From: { Name: string; Address: string };
  To: { Name: string; Address: string }[];
}

/** The messages in Mailpit whose subject holds `text`. */
async function mailpitSearch(text: string): Promise<MailpitMessage[]> {
  const query = encodeURIComponent(`subject:"${text}"`);
  const res = await fetch(`${MAILPIT_API_URL}/api/v1/search?query=${query}`);
  if (!res.ok) throw new Error(`Mailpit search answered HTTP ${res.status}`);
  return ((await res.json()) as { messages: MailpitMessage[] }).messages;
}

async function deliveriesOf(notificationId: string): Promise<DeliveryDocument[]> {
  return deliveries.ofNotification(notificationId);
}

/** Waits until no delivery of the notification is pending, and returns them. */
function settled(notificationId: string): Promise<DeliveryDocument[]> {
  return waitFor(`the deliveries of ${notificationId} settled`, async () => {
    const all = await deliveriesOf(notificationId);
    return all.length > 0 && all.every((d) => d.status !== 'pending') && all;
  });
}

describe('e-mail', () => {
  it('arrives in the mail server’s inbox exactly once, however often the notification is given', async () => {
    const ping = await fetch(`${MAILPIT_API_URL}/api/v1/messages?limit=1`).catch(() => undefined);
    if (!ping?.ok)
      throw new Error(
        `Mailpit does not answer at ${MAILPIT_API_URL}; start it with: bash deploy/local/bin/engines start mailpit`,
      );

    const tag = uniqueName('mail');
    const notification: Notification = {
      id: `test-${tag}`,
      recipients: [
        { userId: 'u-zhang', name: '张三', email: 'zhang@example.gov.cn' },
        { userId: 'u-li', name: '李四' },
      ],
      subject: `工单 WO-17 已升级 ${tag}`,
      body: '东门公厕漏水，响应超时 30 分钟。',
      link: 'https://buqi.example.gov.cn/orders/WO-17',
    };

    const first = await notifier.notify(notification);
    const again = await notifier.notify(notification);

    // One delivery per channel and recipient: in the app for both, e-mail for the one with an
    // address, one group message; the repeat names the same deliveries.
    expect(first.deliveries.map((d) => [d.channel, d.recipient])).toEqual([
      ['in-app', 'u-zhang'],
      ['in-app', 'u-li'],
      ['email', 'u-zhang'],
      ['wecom', 'group'],
    ]);
    expect(again.deliveries.map((d) => d.id)).toEqual(first.deliveries.map((d) => d.id));

    await waitFor('the e-mail in Mailpit', async () => (await mailpitSearch(tag)).length > 0);
    const all = await settled(notification.id);
    expect(all.find((d) => d.channel === 'email')).toMatchObject({ status: 'sent', attempts: 1 });

    const messages = await mailpitSearch(tag);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      Subject: notification.subject,
      From: { Address: 'buqi@localhost' },
      To: [{ Name: '张三', Address: 'zhang@example.gov.cn' }],
    });
    const message = (await (await fetch(`${MAILPIT_API_URL}/api/v1/message/${messages[0].ID}`)).json()) as {
      Text: string;
    };
    expect(message.Text).toContain('东门公厕漏水，响应超时 30 分钟。');
    expect(message.Text).toContain('https://buqi.example.gov.cn/orders/WO-17');
  });
});

describe('a group robot that refuses the first tries', () => {
  it('gets the notification once it accepts; the caller never waited for it', async () => {
    const tag = uniqueName('robot');
    const notification: Notification = {
      id: `test-${tag}`,
      recipients: [{ userId: 'u-wang', name: '王五' }],
      subject: `巡检超时 ${tag}`,
      body: '3 号泵站巡检已超时 2 小时。',
    };

    const receipt = await notifier.notify(notification);
    // notify only records and schedules: the robot has not even been tried yet.
    expect(receipt.deliveries.find((d) => d.channel === 'wecom')).toMatchObject({ status: 'pending' });

    const all = await settled(notification.id);
    expect(all.find((d) => d.channel === 'wecom')).toMatchObject({
      status: 'sent',
      attempts: 3,
      lastError: 'WeCom: the webhook answered HTTP 500',
    });
    expect(robot.get(notification.subject)).toEqual({
      tries: 3,
      accepted: [
        { msgtype: 'text', text: { content: `巡检超时 ${tag}\n3 号泵站巡检已超时 2 小时。\n@王五` } },
      ],
    });
  });

  it('records a delivery it never accepts as failed, with the error, after the last try', async () => {
    const tag = uniqueName('refused');
    const notification: Notification = {
      id: `test-${tag}`,
      recipients: [{ userId: 'u-wang', name: '王五' }],
      subject: `[refuse] ${tag}`,
      body: 'never accepted',
    };
    await notifier.notify(notification);

    const all = await settled(notification.id);
    expect(all.find((d) => d.channel === 'wecom')).toMatchObject({
      status: 'failed',
      attempts: 5,
      lastError: 'WeCom: the webhook answered HTTP 500',
      failedAt: expect.any(Date),
    });
    // The other channels went their own way.
    expect(all.find((d) => d.channel === 'in-app')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(robot.get(notification.subject)).toEqual({ tries: 5, accepted: [] });
  });
});

describe('the in-app inbox', () => {
  it('lists a notification for its recipient only, who can mark it read', async () => {
    const tag = uniqueName('inbox');
    const notification: Notification = {
      id: `test-${tag}`,
      recipients: [{ userId: 'u-chen', name: '陈六' }],
      subject: `请验收 ${tag}`,
      body: '工单 WO-21 已完工，等待验收。',
      link: 'https://buqi.example.gov.cn/orders/WO-21',
    };
    await notifier.notify(notification);
    const chen = await service.issuer.token({ sub: 'u-chen', roles: ['supervisor'] });
    const other = await service.issuer.token({ sub: 'u-zhou', roles: ['crew-member'] });

    type Item = { id: string; notificationId: string; subject: string; read: boolean; link?: string };
    const mine = await waitFor('the notification in the inbox', async () => {
      const answer = await service.call('GET', '/notifications/mine', { token: chen });
      const items = answer.body['items'] as Item[];
      return answer.status === 200 && items.some((i) => i.notificationId === notification.id) && answer;
    });
    expect(mine.body).toMatchObject({ page: 1, total: 1 });
    const [item] = mine.body['items'] as Item[];
    expect(item).toMatchObject({
      notificationId: notification.id,
      subject: notification.subject,
      body: notification.body,
      link: notification.link,
      read: false,
    });

    const theirs = await service.call('GET', '/notifications/mine', { token: other });
    expect(theirs.status).toBe(200);
    expect((theirs.body['items'] as Item[]).some((i) => i.notificationId === notification.id)).toBe(false);

    expect((await service.call('POST', `/notifications/${item.id}/read`, { token: other })).status).toBe(404);
    const read = await service.call('POST', `/notifications/${item.id}/read`, { token: chen });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: item.id, read: true, readAt: expect.any(String) });

    const unread = await service.call('GET', '/notifications/mine?read=false', { token: chen });
    expect(unread.body).toMatchObject({ items: [], total: 0 });
    expect((await service.call('GET', '/notifications/mine')).status).toBe(401);
  });
});

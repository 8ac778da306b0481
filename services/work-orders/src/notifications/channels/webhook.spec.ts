import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DeliveryDocument } from '../persistence/delivery.schema';
import { DeliveryError } from './channel';
import { DingtalkChannel, WecomChannel } from './robot.channels';
import { postToRobot } from './webhook';

// A robot on the loopback: each request is kept; `answer` says what it replies.
let server: Server;
let base: string;
let answer: (res: ServerResponse) => void;
const received: { url: string; body: unknown }[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body: JSON.parse(body || 'null') });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received.length = 0;
  answer = (res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
});

const KEY = 'key=693a91f6-7xxx-secret-key';
const failure = (p: Promise<void>) =>
  p.then(
    () => undefined,
    (err: unknown) => err,
  );

/** A loopback port nothing listens on (fetch itself refuses low "bad ports" such as 1). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('posting to a group robot', () => {
  it('sends the JSON body and accepts errcode 0', async () => {
    await postToRobot('WeCom', `${base}/send?${KEY}`, { msgtype: 'text', text: { content: 'hi' } }, 2_000);
    expect(received).toEqual([{ url: `/send?${KEY}`, body: { msgtype: 'text', text: { content: 'hi' } } }]);
  });

  it('fails on an HTTP error, retryably for a 5xx, for good for a 4xx, never naming the URL', async () => {
    answer = (res) => res.writeHead(500).end('oops');
    const e500 = await failure(postToRobot('WeCom', `${base}/send?${KEY}`, {}, 2_000));
    expect(e500).toBeInstanceOf(DeliveryError);
    expect(e500).toMatchObject({ message: 'WeCom: the webhook answered HTTP 500', permanent: false });

    answer = (res) => res.writeHead(404).end();
    expect(await failure(postToRobot('WeCom', `${base}/send?${KEY}`, {}, 2_000))).toMatchObject({
      permanent: true,
    });
    answer = (res) => res.writeHead(429).end();
    expect(await failure(postToRobot('WeCom', `${base}/send?${KEY}`, {}, 2_000))).toMatchObject({
      permanent: false,
    });
  });

  it('fails when the robot answers 200 with an error code', async () => {
    answer = (res) => res.writeHead(200).end('{"errcode":310000,"errmsg":"sign not match"}');
    const err = await failure(postToRobot('DingTalk', `${base}/robot/send?access_token=t0ken`, {}, 2_000));
    expect(err).toMatchObject({
      message: 'DingTalk: the robot refused the message (errcode 310000: sign not match)',
    });
  });

  it('fails naming the network error or the time-out, not the address', async () => {
    const port = await closedPort();
    const closed = await failure(postToRobot('WeCom', `http://127.0.0.1:${port}/send?${KEY}`, {}, 2_000));
    expect((closed as Error).message).toBe('WeCom: the webhook could not be reached (ECONNREFUSED)');

    answer = () => undefined; // never answers
    const slow = await failure(postToRobot('WeCom', `${base}/send?${KEY}`, {}, 200));
    expect((slow as Error).message).toBe('WeCom: the webhook did not answer within 200 ms');
  });
});

describe('robot channels', () => {
  const delivery = {
    _id: 'wecom-0',
    notificationId: 'n1',
    subject: '工单已升级',
    body: '请处理',
    to: [{ userId: 'u1', name: '张三' }],
  } as DeliveryDocument;

  it('WeCom posts the text message to the group', async () => {
    await new WecomChannel(`${base}/cgi-bin/webhook/send?${KEY}`, 2_000).send(delivery);
    expect(received[0].body).toEqual({ msgtype: 'text', text: { content: '工单已升级\n请处理\n@张三' } });
  });

  it('DingTalk signs each request when it has a secret', async () => {
    const channel = new DingtalkChannel(
      `${base}/robot/send?access_token=t`,
      'SECabc',
      2_000,
      () => 1700000000000,
    );
    await channel.send(delivery);
    const url = new URL(received[0].url, base);
    expect(url.searchParams.get('access_token')).toBe('t');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    expect(url.searchParams.get('sign')).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(received[0].body).toEqual({ msgtype: 'text', text: { content: '工单已升级\n请处理\n@张三' } });

    await new DingtalkChannel(`${base}/robot/send?access_token=t`, undefined, 2_000).send(delivery);
    expect(received[1].url).toBe('/robot/send?access_token=t');
  });
});

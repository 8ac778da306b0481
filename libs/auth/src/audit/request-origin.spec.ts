import { Socket } from 'node:net';
import { IncomingMessage } from 'node:http';
import { requestOrigin } from './request-origin';

function request(headers: Record<string, string>, ip?: string): IncomingMessage & { ip?: string } {
  const message = Object.assign(new IncomingMessage(new Socket()), { ip });
  message.headers = headers;
  return message;
}

describe('requestOrigin', () => {
  it('takes the client address and the user agent, cut to 256 characters', () => {
    expect(requestOrigin(request({ 'user-agent': 'x'.repeat(300) }, '10.0.0.8'))).toEqual({
      ip: '10.0.0.8',
      userAgent: 'x'.repeat(256),
    });
  });

  it('leaves out what is unknown', () => {
    expect(requestOrigin(request({}))).toEqual({});
  });
});

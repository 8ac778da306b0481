import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ConsoleRequest, ConsoleResponse } from '../http/http-types';
import { AlertsFeed } from './alerts-feed';

const HEARTBEAT_MS = 25_000;

/** The live alerts feed, as Server-Sent Events, for every signed-in person. */
@ApiTags('alerts')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly feed: AlertsFeed) {}

  @Get('stream')
  @ApiOperation({
    summary:
      'Server-Sent Events: the newest alerts at once, then each new one (escalations, budget thresholds, devices offline)',
  })
  stream(@Req() request: ConsoleRequest, @Res() response: ConsoleResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (alert: unknown) => response.write(`event: alert\ndata: ${JSON.stringify(alert)}\n\n`);
    for (const alert of this.feed.latest().reverse()) send(alert);
    const unsubscribe = this.feed.subscribe(send);
    // A comment now and then keeps proxies from closing a quiet stream.
    const heartbeat = setInterval(() => response.write(': still here\n\n'), HEARTBEAT_MS);
    request.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }
}

import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { All, BadGatewayException, Controller, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ConsoleRequest as Request, ConsoleResponse as Response } from '../http/http-types';
import { CORRELATION_ID_HEADER } from '@buqi/observability';
import { PLATFORM_CONFIG } from '@buqi/platform';
import type { ConsoleConfig } from '../config';
import { CurrentUser, type ConsoleUser } from '../http/console-user';
import { ServiceTokens } from '../tokens/service-tokens';

export const SERVICES = ['asset-inventory', 'budget-allocation', 'work-orders'] as const;
export type ServiceName = (typeof SERVICES)[number];

const REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'content-type',
  'if-match',
  'if-none-match',
  CORRELATION_ID_HEADER,
];
const RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  'etag',
  'location',
  'retry-after',
  'x-total-count',
  CORRELATION_ID_HEADER,
];

const pick = (from: IncomingHttpHeaders, names: readonly string[]): OutgoingHttpHeaders =>
  Object.fromEntries(names.flatMap((n) => (from[n] === undefined ? [] : [[n, from[n]]])));

/**
 * /api/<service>/<path> → the service's /<path>, as the signed-in person: the console signs a
 * short-lived token from their account (ServiceTokens) and the service decides what they may do, so
 * a page can never do more than its user. Bodies and answers stream through unchanged (photos,
 * imports, exports); JSON bodies the console has already parsed are sent as JSON again. The trace
 * and the correlation id go along, so one request can be followed into the service.
 */
@ApiExcludeController()
@Controller('api')
export class GatewayController {
  private readonly bases: Record<ServiceName, URL>;

  constructor(
    @Inject(PLATFORM_CONFIG) config: ConsoleConfig,
    private readonly tokens: ServiceTokens,
  ) {
    this.bases = {
      'asset-inventory': new URL(config.ASSET_INVENTORY_URL),
      'budget-allocation': new URL(config.BUDGET_ALLOCATION_URL),
      'work-orders': new URL(config.WORK_ORDERS_URL),
    };
  }

  @All(':service/*path')
  async forward(
    @Req() request: Request,
    @Res() response: Response,
    @CurrentUser() user: ConsoleUser,
  ): Promise<void> {
    const service = request.params['service'] as ServiceName;
    const base = this.bases[service];
    if (!SERVICES.includes(service) || !base) throw new NotFoundException(`There is no service "${service}"`);
    const prefix = `/api/${service}`;
    const target = new URL(request.originalUrl.slice(prefix.length) || '/', base);
    const parsed =
      request.body !== undefined && typeof request.body === 'object' && !Buffer.isBuffer(request.body);
    const body = parsed ? Buffer.from(JSON.stringify(request.body)) : undefined;
    const headers: OutgoingHttpHeaders = {
      ...pick(request.headers, REQUEST_HEADERS),
      authorization: `Bearer ${await this.tokens.for(user.account)}`,
      ...(body
        ? { 'content-type': 'application/json', 'content-length': body.length }
        : request.headers['content-length'] !== undefined
          ? { 'content-length': request.headers['content-length'] }
          : request.headers['transfer-encoding'] !== undefined
            ? { 'transfer-encoding': 'chunked' }
            : {}),
    };

    await new Promise<void>((resolve, reject) => {
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const upstream = send(target, { method: request.method, headers, timeout: 60_000 }, (answer) => {
        if (answer.statusCode === 401) {
          answer.resume();
          reject(
            new BadGatewayException(
              `${service} refused the console's token: check that it trusts the console's keys`,
            ),
          );
          return;
        }
        const out = pick(answer.headers, RESPONSE_HEADERS);
        const location = answer.headers.location;
        if (location?.startsWith('/')) out['location'] = prefix + location;
        response.statusCode = answer.statusCode ?? 502;
        for (const [name, value] of Object.entries(out))
          if (value !== undefined) response.setHeader(name, value);
        answer.pipe(response);
        answer.on('end', () => resolve());
        answer.on('error', reject);
      });
      upstream.on('timeout', () => upstream.destroy(new Error('no answer within 60 s')));
      upstream.on('error', (err) =>
        reject(
          response.headersSent
            ? err
            : new BadGatewayException(`${service} is not answering (${err.message})`),
        ),
      );
      if (body) upstream.end(body);
      else if (headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined)
        request.pipe(upstream);
      else upstream.end();
    });
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Inject, NotFoundException, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PROMETHEUS_CONTENT_TYPE, scrapeMetrics, type Logger } from '@buqi/observability';
import { Public } from '../http/public.decorator';
import { PLATFORM_CONFIG, PLATFORM_LOGGER, type PlatformConfig } from '../platform.tokens';
import { bearerTokenMatches } from './metrics-token';

/**
 * GET /metrics for Prometheus, on the service's own port (ADR 0017). @Public() lets it past the
 * service's guard, which wants a person's token; this route wants METRICS_TOKEN instead, and
 * without one configured it answers as an unknown path would. Not in the OpenAPI document.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  @Get()
  async scrape(@Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    const expected = this.config.METRICS_TOKEN;
    // The words of Nest's own 404, so an unconfigured /metrics cannot be told from an unknown path.
    if (expected === undefined) throw new NotFoundException(`Cannot ${request.method ?? 'GET'} /metrics`);
    if (!bearerTokenMatches(request.headers.authorization, expected)) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException('GET /metrics wants Authorization: Bearer <METRICS_TOKEN>');
    }
    const scrape = scrapeMetrics();
    if (!scrape)
      throw new NotFoundException('this process keeps no metrics (telemetry started without them)');
    const { text, errors } = await scrape;
    if (errors.length > 0)
      this.logger.warn(
        { err: errors[0], failures: errors.length },
        'some metrics could not be collected for a scrape',
      );
    response.statusCode = 200;
    response.setHeader('Content-Type', PROMETHEUS_CONTENT_TYPE);
    response.end(text);
  }
}

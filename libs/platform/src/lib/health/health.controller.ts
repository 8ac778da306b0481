import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../http/public.decorator';
import type { ReadinessReport } from './health-check';
import { HealthCheckRegistry } from './health-check.registry';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthCheckRegistry) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is running' })
  @ApiOkResponse({ description: 'Alive' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: every engine and component this service depends on works' })
  @ApiOkResponse({
    description:
      'status "ok" (every check up) or "degraded" (working, but a check reports a reason that needs an operator, e.g. parked outbox entries); checks: each with status and latencyMs',
  })
  @ApiServiceUnavailableResponse({
    description: 'status "error"; each failing check has status "down" and an error',
  })
  async ready(@Res({ passthrough: true }) response: ServerResponse): Promise<ReadinessReport> {
    const report = await this.registry.readiness();
    // A status report, not an error of the caller's: same body whatever the outcome, so probes and
    // dashboards read one shape.
    if (report.status === 'error') response.statusCode = HttpStatus.SERVICE_UNAVAILABLE;
    return report;
  }
}

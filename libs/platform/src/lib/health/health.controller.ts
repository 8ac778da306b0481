import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from '@sinclair/typebox';
import { ApiResult } from '../http/api-result.decorator';
import { Public } from '../http/public.decorator';
import type { ReadinessReport } from './health-check';
import { HealthCheckRegistry } from './health-check.registry';

const Live = Type.Object({ status: Type.Literal('ok') });
const Check = Type.Object({
  status: Type.Union([Type.Literal('up'), Type.Literal('degraded'), Type.Literal('down')]),
  latencyMs: Type.Number(),
  reason: Type.Optional(Type.String({ description: 'Why an operator is needed (degraded)' })),
  error: Type.Optional(Type.String({ description: 'What failed (down)' })),
});
const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('error')]),
  checks: Type.Record(Type.String(), Check),
});

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthCheckRegistry) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is running' })
  @ApiResult(200, Live, 'Alive')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: every engine and component this service depends on works' })
  @ApiResult(
    200,
    Readiness,
    'status "ok" (every check up) or "degraded" (working, but a check reports a reason that needs an operator, e.g. parked outbox entries); checks: each with status and latencyMs',
  )
  @ApiResult(503, Readiness, 'status "error"; each failing check has status "down" and an error')
  async ready(@Res({ passthrough: true }) response: ServerResponse): Promise<ReadinessReport> {
    const report = await this.registry.readiness();
    // A status report, not an error of the caller's: same body whatever the outcome, so probes and
    // dashboards read one shape.
    if (report.status === 'error') response.statusCode = HttpStatus.SERVICE_UNAVAILABLE;
    return report;
  }
}

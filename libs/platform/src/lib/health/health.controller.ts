import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
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
  @ApiOperation({ summary: 'Readiness: every engine this service depends on answers' })
  @ApiOkResponse({ description: 'status "ok"; checks: each engine with status "up" and latencyMs' })
  @ApiServiceUnavailableResponse({
    description: 'status "error"; each failing check has status "down" and an error',
  })
  async ready(): Promise<ReadinessReport> {
    const report = await this.registry.readiness();
    if (report.status !== 'ok') throw new ServiceUnavailableException(report);
    return report;
  }
}

import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { Caller, DeviceAuth, RateLimit } from '@buqi/auth';
import {
  ApiProblem,
  ApiResult,
  RequestValidationError,
  ValidBody,
  ValidParams,
  ValidQuery,
} from '@buqi/platform';
import { AssetParams } from '../../assets/use-cases/asset-requests';
import { GetReadings } from '../use-cases/read-series/get-readings.query';
import { ReadingsChartView, ReadingsQuery } from '../use-cases/read-series/get-readings.request';
import { IngestReadings } from '../use-cases/ingest-readings/ingest-readings.use-case';
import { IngestReportView, ReadingsBatch } from '../use-cases/ingest-readings/ingest-readings.request';

/**
 * Devices send their readings with their own API key; people read a device's series for charts.
 * A batch is judged reading by reading: 200 with what was stored and what was refused (by index),
 * 400 when no reading of it could be stored.
 */
@ApiTags('telemetry')
@Controller()
export class TelemetryController {
  constructor(
    private readonly ingest: IngestReadings,
    private readonly readings: GetReadings,
  ) {}

  @Post('devices/readings')
  @HttpCode(200)
  @DeviceAuth()
  @RateLimit({ name: 'telemetry-ingest', limit: 120, windowSeconds: 60, by: 'device' })
  @ApiOperation({
    summary:
      'A device’s batch of readings, sent with its key (Authorization: ApiKey bqd_…); each reading is stored once per (metric, time)',
  })
  @ApiResult(200, IngestReportView, 'Stored: how many, and each refused reading by index with the reason')
  @ApiProblem(401, 'No key, or an unknown, wrong or revoked one (a retired device’s key is revoked)')
  @ApiProblem(409, 'The device is not in service (under maintenance or out of service)')
  @ApiProblem(413, 'The batch is larger than the body limit')
  @ApiProblem(429, 'The device sends too often (120 batches a minute)')
  async receive(@ValidBody(ReadingsBatch) body: ReadingsBatch, @Caller() caller: Caller) {
    const report = await this.ingest.execute(caller.principal.id, body, caller.now);
    if (report.stored === 0)
      throw new RequestValidationError(
        report.refused.map((r) => ({ location: 'body', field: r.field, value: r.value, reason: r.reason })),
      );
    return {
      deviceId: report.deviceId,
      receivedAt: report.receivedAt.toISOString(),
      stored: report.stored,
      refused: report.refused,
    };
  }

  @Get('assets/:code/readings')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'A device’s readings of one metric, oldest first, for a chart (a week at most per call)',
  })
  @ApiResult(200, ReadingsChartView, 'The readings, and `next` when more follow')
  @ApiProblem(404, 'No such asset')
  @ApiProblem(422, 'The asset is not a monitoring device')
  async series(
    @ValidParams(AssetParams) params: Static<typeof AssetParams>,
    @ValidQuery(ReadingsQuery) query: ReadingsQuery,
    @Caller() caller: Caller,
  ): Promise<ReadingsChartView> {
    return this.readings.execute(params.code, query, caller.now);
  }
}

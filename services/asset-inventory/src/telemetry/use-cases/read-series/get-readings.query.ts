import { Injectable } from '@nestjs/common';
import { DomainValidationError } from '@buqi/domain-kernel';
import { RequestValidationError } from '@buqi/platform';
import { AssetRepository } from '../../../assets/persistence/asset.repository';
import { MAX_CHART_SPAN_MS, type ReadingsChartView, type ReadingsQuery } from './get-readings.request';
import { ReadingsSeries } from './readings-series';

const DAY_MS = 24 * 3600_000;

/** A device's readings of one metric for a chart: bounded in time and in count, with where to go on. */
@Injectable()
export class GetReadings {
  constructor(
    private readonly assets: AssetRepository,
    private readonly series: ReadingsSeries,
  ) {}

  async execute(code: string, query: ReadingsQuery, now: Date): Promise<ReadingsChartView> {
    const to = query.to ? new Date(query.to) : now;
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DAY_MS);
    if (from > to) throw invalid('from', query.from, 'must not be after to');
    if (to.getTime() - from.getTime() > MAX_CHART_SPAN_MS)
      throw invalid('to', query.to, 'must be at most 7 days after from: ask for the next week separately');
    const asset = await this.assets.get(code);
    if (asset.assetClass !== 'monitoring-device')
      throw new DomainValidationError(
        'code',
        code,
        `is a ${asset.assetClass}; only monitoring devices have readings`,
      );
    const readings = await this.series.series(code, query.metric, from, to);
    const page = readings.slice(0, query.limit);
    const next = readings[query.limit];
    return {
      deviceId: code,
      metric: query.metric,
      ...(readings[0] && { unit: readings[0].unit }),
      from: from.toISOString(),
      to: to.toISOString(),
      readings: page.map((r) => ({ at: r.at.toISOString(), value: r.value })),
      ...(next && { next: next.at.toISOString() }),
    };
  }
}

function invalid(field: string, value: unknown, reason: string) {
  return new RequestValidationError([{ location: 'query', field, value, reason }]);
}

import { Injectable } from '@nestjs/common';
import { DomainValidationError } from '@buqi/domain-kernel';
import { AssetRepository, type StoredAsset } from '../../../assets/persistence/asset.repository';
import { conditionTrend, type ConditionTrend } from '../../domain/condition-trend';
import { InspectionRepository, type ConditionRecord } from '../../persistence/inspection.repository';
import type { ConditionHistoryQuery } from './condition-history.request';

/** A period's assessments at most: inspected daily, a restroom fills it in under three years. */
export const MAX_POINTS = 1000;
const DEFAULT_YEARS = 3;
const DAY_MS = 86_400_000;

export interface ConditionHistory {
  asset: StoredAsset;
  from: Date;
  to: Date;
  series: ConditionRecord[];
  trend: ConditionTrend;
}

/** An asset's assessed conditions over a period, oldest first, and their trend. */
@Injectable()
export class GetConditionHistory {
  constructor(
    private readonly assets: AssetRepository,
    private readonly inspections: InspectionRepository,
  ) {}

  async execute(code: string, query: ConditionHistoryQuery, now: Date): Promise<ConditionHistory> {
    const asset = await this.assets.get(code);
    const to = query.to === undefined ? now : new Date(query.to);
    const from =
      query.from === undefined ? new Date(to.getTime() - DEFAULT_YEARS * 365 * DAY_MS) : new Date(query.from);
    if (from.getTime() >= to.getTime())
      throw new DomainValidationError('from', from.toISOString(), `must be before to (${to.toISOString()})`);
    const series = await this.inspections.conditions(code, from, to, MAX_POINTS + 1);
    if (series.length > MAX_POINTS)
      throw new DomainValidationError(
        'from',
        from.toISOString(),
        `the period holds more than ${MAX_POINTS} assessments: choose a shorter one`,
      );
    const trend = conditionTrend(
      series.map((p) => ({
        assessedAt: p.inspectedAt,
        index: p.index,
        method: p.method,
        ...(p.grade !== undefined && { grade: p.grade }),
      })),
    );
    return { asset, from, to, series, trend };
  }
}

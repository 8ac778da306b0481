import { Inject, Injectable } from '@nestjs/common';
import {
  checkConditionIndex,
  checkDeviceOffline,
  checkQualityStandard,
  DUST_LOAD_STANDARD,
  exceedsThreshold,
} from '@buqi/domain-shortfalls';
import { PLATFORM_CONFIG, PLATFORM_LOGGER } from '@buqi/platform';
import type { Logger } from '@buqi/observability';
import type { StoredAsset } from '../../assets/persistence/asset.repository';
import { RecentAssets } from '../../assets/use-cases/recent-assets';
import type { ServiceConfig } from '../../config';
import { criticalityOf, silenceOrigin } from '../../telemetry/domain/device-health';
import { READINGS, type Readings, type StoredReading } from '../../telemetry/readings.port';
import type { ConditionAssessed, ShortfallSignals } from '../shortfall-signals';
import type { Detection } from '../domain/shortfall';
import { ongoingExceedance, sensorRulesFor } from '../domain/sensor-rules';
import { ShortfallBook } from '../persistence/shortfall-book';

/** How far back the sensor rules look: a day of readings (an exceedance older than that is history). */
const SENSOR_WINDOW_MS = 24 * 3600_000;

/**
 * The shortfall rules of `libs/domain-shortfalls`, applied to what inspections and telemetry report.
 * Each call re-evaluates the state it is given and opens, re-detects or clears through the book, so
 * a repeated call (a redelivery, a replay, a crash before the caller finished) changes nothing.
 */
@Injectable()
export class ShortfallRules implements ShortfallSignals {
  constructor(
    private readonly book: ShortfallBook,
    private readonly recent: RecentAssets,
    @Inject(READINGS) private readonly readings: Readings,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
    @Inject(PLATFORM_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async conditionAssessed(s: ConditionAssessed): Promise<void> {
    if (s.index !== undefined) await this.condition(s, s.index);
    if (s.dustLoad) await this.dust(s, s.dustLoad);
  }

  private async condition(s: ConditionAssessed, index: number): Promise<void> {
    const { asset } = s;
    const [belowStandard] = checkConditionIndex({
      assetClass: asset.assetClass,
      conditionIndex: index,
      source: s.source,
    });
    if (belowStandard)
      await this.book.detect(asset, {
        kind: 'below-quality-standard',
        rule: 'condition',
        severity: belowStandard.severity,
        safetyCritical: safetyCritical(asset),
        evidence: belowStandard.evidence,
        conditionIndex: index,
        ...(s.damage && { damage: s.damage }),
        ...(s.action && { action: s.action }),
        at: s.at,
      });
    else await this.book.clear(asset, 'below-quality-standard', 'condition', s.at, s.source);
  }

  /** 以克论净: a road's dust load against its own limit (that of its carriageway). */
  private async dust(
    s: ConditionAssessed,
    dustLoad: NonNullable<ConditionAssessed['dustLoad']>,
  ): Promise<void> {
    const { asset } = s;
    const [dusty] = checkQualityStandard({
      value: dustLoad.loadGPerM2,
      standard: { ...DUST_LOAD_STANDARD, limit: dustLoad.standardGPerM2 },
      source: s.source,
    });
    if (dusty)
      await this.book.detect(asset, {
        kind: 'below-quality-standard',
        rule: 'dust-load',
        severity: dusty.severity,
        safetyCritical: false,
        evidence: dusty.evidence,
        at: s.at,
      });
    else await this.book.clear(asset, 'below-quality-standard', 'dust-load', s.at, s.source);
  }

  /**
   * The sensor rules of the device's kind over the last day of its readings. A batch with no reading
   * past a rule's threshold cannot start an exceedance (it can only end one), so that rule is
   * evaluated only when a reading is past it or its finding is open: most batches read nothing more.
   */
  async readingsStored({
    device,
    readings,
    at,
  }: {
    device: StoredAsset;
    readings: readonly StoredReading[];
    at: Date;
  }): Promise<void> {
    if (device.assetClass !== 'monitoring-device') return;
    const { watches } = device.device;
    const watched = 'assetId' in watches ? await this.recent.find(watches.assetId) : undefined;
    // Odour limits are those of the restroom watched; a sensor watching a place opens on itself.
    const target = watched ?? device;
    const rules = sensorRulesFor(
      device.device.kind,
      device.device.reportingIntervalSeconds,
      watched?.assetClass === 'restroom' ? watched.restroom.restroomClass : undefined,
    );
    for (const rule of rules) {
      const batch = readings.filter((r) => r.metric === rule.metric && r.unit === rule.unit);
      if (batch.length === 0) continue;
      const key = `sensor:${rule.metric}@${device.code}`;
      const past = batch.some((r) => exceedsThreshold(rule, r.value));
      if (!past && !(await this.book.firing(target.code, 'sensor-threshold', key))) continue;
      const series = await this.readings.series(
        device.code,
        rule.metric,
        new Date(at.getTime() - SENSOR_WINDOW_MS),
        at,
      );
      const finding = ongoingExceedance(
        rule,
        series.filter((r) => r.unit === rule.unit),
      );
      if (finding)
        await this.book.detect(target, {
          kind: 'sensor-threshold',
          rule: key,
          severity: finding.severity,
          safetyCritical: safetyCritical(target),
          evidence: [
            `${device.code} (${device.device.kind}): ${finding.evidence[0]}`,
            ...finding.evidence.slice(1),
          ],
          at,
        });
      else await this.book.clear(target, 'sensor-threshold', key, at, `telemetry of ${device.code}`);
    }
  }

  async deviceStatusChanged({
    device,
    online,
    lastSeenAt,
    at,
  }: {
    device: StoredAsset;
    online: boolean;
    lastSeenAt?: Date;
    at: Date;
  }): Promise<void> {
    if (device.assetClass !== 'monitoring-device') return;
    if (online) {
      await this.book.clear(
        device,
        'device-offline',
        'offline',
        at,
        `reported again${lastSeenAt ? ` at ${lastSeenAt.toISOString()}` : ''}`,
      );
      return;
    }
    const [silent] = checkDeviceOffline(
      {
        deviceId: device.code,
        ...(lastSeenAt && { lastHeartbeatAt: lastSeenAt }),
        // Silence counts from when it could first have reported, as the heartbeat sweep counts it.
        installedAt: silenceOrigin({ installedOn: device.installedOn, registeredAt: device.createdAt }),
        reportingIntervalMinutes: device.device.reportingIntervalSeconds / 60,
        criticality: criticalityOf(device.criticality),
        offlineFactor: this.config.TELEMETRY_OFFLINE_FACTOR,
      },
      at,
      { clockSkewToleranceMinutes: this.config.TELEMETRY_CLOCK_SKEW / 60_000 },
    );
    if (!silent) {
      this.logger.warn(
        { device: device.code, lastSeenAt },
        'device reported offline but within the offline rule: no shortfall',
      );
      return;
    }
    const detection: Detection = {
      kind: 'device-offline',
      rule: 'offline',
      severity: silent.severity,
      safetyCritical: safetyCritical(device),
      evidence: silent.evidence,
      at,
    };
    await this.book.detect(device, detection);
  }
}

/** The most critical assets (5: safety, or the leadership's work) make their shortfalls safety-critical. */
function safetyCritical(asset: StoredAsset): boolean {
  return asset.criticality >= 5;
}

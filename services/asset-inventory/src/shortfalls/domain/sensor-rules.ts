import { GB_T_17217_1998, MOLAR_MASS, mgPerM3ToPpm, type RestroomClass } from '@buqi/domain-condition';
import {
  evaluateSensorWindow,
  type SensorReading,
  type SensorThresholdFinding,
  type SensorWindowRule,
} from '@buqi/domain-shortfalls';
import type { DeviceKind } from '../../assets/domain/asset';

/** The metrics the sensor rules read, with the unit each must arrive in. */
export const RULE_METRICS = { nh3: 'ppm', h2s: 'ppm', leak: 'state', pm2_5: 'ug/m3' } as const;

/** The hygiene class a watched restroom is held to when the device watches no restroom. */
const DEFAULT_CLASS: RestroomClass = 'class-2';

/**
 * The sensor rules a device of a kind is held to. Odour limits are the GB/T 17217 limits of the
 * restroom it watches (mg/m³, as ppm at 25 °C, what odour sensors report), sustained 15 minutes; a
 * leak sensor fires on a single wet reading; PM2.5 above 75 µg/m³ (GB 3095-2012, grade II, 24-hour
 * mean) for an hour. Readings further apart than three reporting intervals (at least 10 minutes)
 * break a run: silence is not evidence.
 */
export function sensorRulesFor(
  kind: DeviceKind,
  reportingIntervalSeconds: number,
  restroomClass: RestroomClass = DEFAULT_CLASS,
): SensorWindowRule[] {
  const maxGapMinutes = Math.max(10, (3 * reportingIntervalSeconds) / 60);
  const limits = GB_T_17217_1998[restroomClass];
  switch (kind) {
    case 'nh3-sensor':
      return [
        {
          id: `gbt17217-nh3-${restroomClass}`,
          metric: 'nh3',
          unit: RULE_METRICS.nh3,
          direction: 'above',
          threshold: round(mgPerM3ToPpm(limits.nh3MgM3, MOLAR_MASS.nh3)),
          minDurationMinutes: 15,
          maxGapMinutes,
        },
      ];
    case 'h2s-sensor':
      return [
        {
          id: `gbt17217-h2s-${restroomClass}`,
          metric: 'h2s',
          unit: RULE_METRICS.h2s,
          direction: 'above',
          threshold: round(mgPerM3ToPpm(limits.h2sMgM3, MOLAR_MASS.h2s)),
          minDurationMinutes: 15,
          maxGapMinutes,
        },
      ];
    case 'water-leak-sensor':
      // 1 is wet, 0 dry: any wet reading is a leak.
      return [
        {
          id: 'leak',
          metric: 'leak',
          unit: RULE_METRICS.leak,
          direction: 'above',
          threshold: 0.5,
          minDurationMinutes: 0,
          maxGapMinutes,
        },
      ];
    case 'air-quality-sensor':
      return [
        {
          id: 'gb3095-pm2_5',
          metric: 'pm2_5',
          unit: RULE_METRICS['pm2_5'],
          direction: 'above',
          threshold: 75,
          minDurationMinutes: 60,
          maxGapMinutes,
        },
      ];
    default:
      return [];
  }
}

/**
 * The exceedance still going on at the latest reading, if any. The rule reports the longest
 * qualifying run, which may be an earlier one; then the readings after it are evaluated again, until
 * the run found is the ongoing one or none is left.
 */
export function ongoingExceedance(
  rule: SensorWindowRule,
  readings: readonly SensorReading[],
): SensorThresholdFinding | undefined {
  let rest = readings;
  for (;;) {
    const [found] = evaluateSensorWindow(rule, rest);
    if (!found || found.ongoing) return found;
    const after = found.end.getTime();
    rest = rest.filter((r) => r.at.getTime() > after);
  }
}

function round(ppm: number): number {
  return Math.round(ppm * 10_000) / 10_000;
}

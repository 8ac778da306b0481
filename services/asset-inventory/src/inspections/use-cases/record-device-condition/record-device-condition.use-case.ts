import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@buqi/contracts';
import { isDuplicateKey } from '@buqi/messaging';
import type { StoredAsset } from '../../../assets/persistence/asset.repository';
import type { DeviceConditionHistory, TelemetryCondition } from '../../../telemetry/device-conditions.port';
import { DEVICE_TELEMETRY_METHOD } from '../../domain/inspection';
import { InspectionRepository } from '../../persistence/inspection.repository';
import { LatestCondition } from '../record-inspection/latest-condition';

const SWEEP: Actor = { kind: 'system', id: 'device-heartbeat-sweep' };

/**
 * A device's condition from its telemetry, kept as an assessment in its history (an inspection
 * record by the heartbeat sweep, method `device-telemetry`, with the factors) and made its latest
 * condition with asset.state.v1 when it is the newest. The record's id is the device's and the
 * time's, so recording it again finds it there and only completes the latest-condition step.
 */
@Injectable()
export class RecordDeviceCondition implements DeviceConditionHistory {
  constructor(
    private readonly inspections: InspectionRepository,
    private readonly latest: LatestCondition,
  ) {}

  async record(device: StoredAsset, condition: TelemetryCondition): Promise<void> {
    try {
      await this.inspections.insert({
        _id: telemetryAssessmentId(device.code, condition.at),
        assetId: device.code,
        assetClass: device.assetClass,
        inspectedAt: condition.at,
        recordedAt: condition.at,
        inspector: { id: SWEEP.id, name: '遥测评估 (telemetry)' },
        notes: 'Assessed from telemetry: uptime over the last week, battery, signal and calibration age',
        sheet: {},
        hasCondition: true,
        condition: {
          index: condition.index,
          method: DEVICE_TELEMETRY_METHOD,
          factors: condition.factors as Record<string, unknown>,
        },
      });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    await this.latest.refresh(device, { actor: SWEEP, now: condition.at });
  }
}

/** An inspection id (`insp-` and 16 hex digits, as every inspection's) fixed by the device and time. */
function telemetryAssessmentId(device: string, at: Date): string {
  return `insp-${createHash('sha256').update(`${device}|${at.toISOString()}`).digest('hex').slice(0, 16)}`;
}

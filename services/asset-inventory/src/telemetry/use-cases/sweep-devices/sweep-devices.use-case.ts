import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@buqi/contracts';
import { ConflictError, DomainValidationError } from '@buqi/domain-kernel';
import { EventPublisher, VersionConflictError } from '@buqi/messaging';
import type { Logger } from '@buqi/observability';
import { PLATFORM_LOGGER } from '@buqi/platform';
import { AssetRepository } from '../../../assets/persistence/asset.repository';
import { DEVICE_CALIBRATIONS, type DeviceCalibrations } from '../../calibrations.port';
import {
  DEVICE_CONDITION_HISTORY,
  type DeviceConditionHistory,
  type TelemetryCondition,
} from '../../device-conditions.port';
import {
  closeOutage,
  conditionMoved,
  openOutage,
  outageStart,
  presenceChange,
  telemetryCondition,
  type Presence,
  type SweptDevice,
} from '../../domain/device-health';
import { deviceStatusEntry } from '../../events/device-status-changed.event';
import { DeviceStateRepository, type StoredDeviceState } from '../../persistence/device-state.repository';
import { TELEMETRY_SETTINGS, type TelemetrySettings } from '../../telemetry.config';
import { DevicePresence } from '../ingest-readings/device-presence';
import { isDevice, type StoredDevice } from '../reporting-device';
import { TelemetrySignals } from '../telemetry-signals';

export interface SweepReport {
  devices: number;
  wentOffline: string[];
  cameBack: string[];
  /** Conditions that moved by a point or more. */
  conditions: number;
  /** Devices whose state another writer changed meanwhile: the next sweep sees them again. */
  raced: number;
}

const SWEEP: Actor = { kind: 'system', id: 'device-heartbeat-sweep' };

/**
 * The heartbeat sweep: every device in service is checked against its reporting interval × the
 * offline factor; a change of status is one version-guarded write with its event, so two sweeps at
 * once publish it once. Then its condition from telemetry (uptime, battery, signal, calibration) is
 * told to the shortfall rules when it moved by a point or more.
 */
@Injectable()
export class SweepDevices {
  constructor(
    private readonly assets: AssetRepository,
    private readonly states: DeviceStateRepository,
    private readonly events: EventPublisher,
    private readonly signals: TelemetrySignals,
    private readonly presence: DevicePresence,
    @Inject(TELEMETRY_SETTINGS) private readonly settings: TelemetrySettings,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
    @Inject(DEVICE_CALIBRATIONS) private readonly calibrations: DeviceCalibrations,
    @Inject(DEVICE_CONDITION_HISTORY) private readonly history: DeviceConditionHistory,
  ) {}

  async execute(now: Date): Promise<SweepReport> {
    const report: SweepReport = { devices: 0, wentOffline: [], cameBack: [], conditions: 0, raced: 0 };
    const states = new Map((await this.states.all()).map((s) => [s.deviceId, s]));
    let failed: unknown;
    for await (const asset of this.assets.each({ assetClass: 'monitoring-device', status: 'in-service' })) {
      if (!isDevice(asset)) continue;
      report.devices++;
      try {
        await this.sweep(asset, states.get(asset.code), now, report);
      } catch (err) {
        // One device's bad data must not stop the others; an engine failure fails the run.
        if (!(err instanceof DomainValidationError)) failed ??= err;
        this.logger.warn({ err, device: asset.code }, 'heartbeat sweep skipped a device');
      }
    }
    if (failed) throw failed;
    return report;
  }

  private async sweep(
    asset: StoredDevice,
    state: StoredDeviceState | undefined,
    now: Date,
    report: SweepReport,
  ) {
    const device = sweptDevice(asset);
    const rules = {
      offlineFactor: this.settings.TELEMETRY_OFFLINE_FACTOR,
      clockSkewMinutes: this.settings.TELEMETRY_CLOCK_SKEW / 60_000,
    };
    let current = state;
    try {
      switch (presenceChange(device, state && presenceOf(state), now, rules)) {
        case 'offline':
          current = await this.offline(asset, device, state, now);
          report.wentOffline.push(asset.code);
          break;
        case 'online':
          current = await this.online(asset, state as StoredDeviceState, now);
          report.cameBack.push(asset.code);
          break;
      }
      const assessed = current?.lastSeenAt ? await this.assess(asset, device, current, now) : undefined;
      if (assessed) report.conditions++;
      current = assessed ?? current;
    } catch (err) {
      if (
        !(err instanceof VersionConflictError || (err instanceof ConflictError && err.code === 'duplicate'))
      )
        throw err;
      report.raced++;
      return;
    }
    await this.tell(asset, current);
  }

  /** Tells the shortfall rules what they have not taken yet: a change of now, or one a failure left. */
  private async tell(asset: StoredDevice, state: StoredDeviceState | undefined): Promise<void> {
    if (state?.statusUntold && state.online !== undefined) {
      const at = state.statusChangedAt ?? state.updatedAt;
      if (await this.signals.statusChanged(asset, state.online, state.lastSeenAt, at))
        await this.states.told(asset.code, state.version, 'status');
    }
    if (state?.conditionUntold && state.condition) {
      const { index, at, factors } = state.condition;
      if (
        (await this.recorded(asset, { index, at, factors: factors ?? {} })) &&
        (await this.signals.conditionAssessed(asset, index, at))
      )
        await this.states.told(asset.code, state.version, 'condition');
    }
  }

  /** The condition joined the device's history (and its asset's state); else the next sweep retries. */
  private async recorded(asset: StoredDevice, condition: TelemetryCondition): Promise<boolean> {
    try {
      await this.history.record(asset, condition);
      return true;
    } catch (err) {
      this.logger.error(
        { err, deviceId: asset.code },
        'could not record a device’s condition in its history; the next sweep records it again',
      );
      return false;
    }
  }

  private async offline(
    asset: StoredDevice,
    device: SweptDevice,
    state: StoredDeviceState | undefined,
    now: Date,
  ) {
    const lastSeenAt = state?.lastSeenAt;
    const outages = openOutage(state?.outages ?? [], outageStart(device, lastSeenAt), now);
    const version = (state?.version ?? 0) + 1;
    const entry = deviceStatusEntry(
      this.events,
      asset,
      { online: false, lastSeenAt, at: now, version },
      SWEEP,
    );
    const change = { online: false, statusChangedAt: now, statusUntold: true, outages, updatedAt: now };
    const stored = state
      ? await this.states.change(asset.code, state.version, { $set: change }, [entry])
      : await this.states.insert({ _id: asset.code, ...change, createdAt: now }, [entry]);
    this.presence.forget(asset.code);
    return stored;
  }

  /** Marked offline, yet it reported since: a batch raced the sweep that marked it. */
  private async online(asset: StoredDevice, state: StoredDeviceState, now: Date) {
    const lastSeenAt = state.lastSeenAt as Date;
    const entry = deviceStatusEntry(
      this.events,
      asset,
      { online: true, lastSeenAt, at: now, version: state.version + 1 },
      SWEEP,
    );
    const outages = closeOutage(state.outages ?? [], lastSeenAt);
    const change = { online: true, statusChangedAt: now, statusUntold: true, outages, updatedAt: now };
    const stored = await this.states.change(asset.code, state.version, { $set: change }, [entry]);
    this.presence.forget(asset.code);
    return stored;
  }

  /** The condition from telemetry, stored (to be told) when it moved by a point or more. */
  private async assess(asset: StoredDevice, device: SweptDevice, state: StoredDeviceState, now: Date) {
    const calibratedAt = await this.calibrations.lastCalibratedAt(asset.code);
    const assessed = telemetryCondition(device, presenceOf(state), calibratedAt, now);
    if (assessed === undefined || !conditionMoved(state.condition?.index, assessed.index)) return undefined;
    const condition = { index: assessed.index, at: now, factors: assessed.factors };
    return this.states.change(asset.code, state.version, { $set: { condition, conditionUntold: true } }, []);
  }
}

function sweptDevice(asset: StoredDevice): SweptDevice {
  return {
    code: asset.code,
    kind: asset.device.kind,
    reportingIntervalSeconds: asset.device.reportingIntervalSeconds,
    power: asset.device.power,
    link: asset.device.link,
    criticality: asset.criticality,
    installedOn: asset.installedOn,
    registeredAt: asset.createdAt,
  };
}

function presenceOf(state: StoredDeviceState): Presence {
  return {
    ...(state.online !== undefined && { online: state.online }),
    ...(state.lastSeenAt && { lastSeenAt: state.lastSeenAt }),
    ...(state.statusChangedAt && { statusChangedAt: state.statusChangedAt }),
    outages: state.outages ?? [],
    ...(state.battery && { batteryPct: state.battery.pct }),
    ...(state.signal && { signalDbm: state.signal.dbm }),
  };
}

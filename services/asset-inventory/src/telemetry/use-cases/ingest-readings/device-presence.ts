import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { ConflictError } from '@buqi/domain-kernel';
import { EventPublisher, VersionConflictError } from '@buqi/messaging';
import type { Logger } from '@buqi/observability';
import { PLATFORM_LOGGER } from '@buqi/platform';
import { closeOutage } from '../../domain/device-health';
import { deviceStatusEntry } from '../../events/device-status-changed.event';
import { DeviceStateRepository, type StoredDeviceState } from '../../persistence/device-state.repository';
import { TELEMETRY_SETTINGS, type TelemetrySettings } from '../../telemetry.config';
import type { StoredDevice } from '../reporting-device';
import { applied, firstState, laterOf, measuredAt, traces, widens, type Visit } from './visit';

/** What a batch did to its device's state; `version` is the state's after a status change. */
export type Seen =
  | { wentOnline: false; lastSeenAt: Date }
  | { wentOnline: true; lastSeenAt: Date; version: number };

/** What waits to be written of an online device's batches: the latest arrival, battery and signal. */
interface Pending {
  lastSeenAt: Date;
  battery?: { pct: number; at: Date };
  signal?: { dbm: number; at: Date };
  timer: NodeJS.Timeout;
}

const ATTEMPTS = 5;
/**
 * A state read is trusted this long for an online device: a sweep of another instance marking it
 * offline is seen within it (this instance's sweep tells at once), or by the next sweep.
 */
export const STATE_CACHE_MS = 30_000;
/** The longest an online device's last-seen time waits to be written (less for short intervals). */
export const MAX_COALESCE_MS = 60_000;

/**
 * Records that a device reported: last seen, battery, signal, the units and hours of its readings.
 * A device not yet online goes online with its device.status-changed.v1 event in the same guarded
 * write, so a sweep marking it offline at the same moment cannot interleave: one of them re-reads.
 * An online device's batches that bring no new hour or metric are written together, at most a
 * quarter of its offline allowance (and a minute) late: one write instead of one per batch (every
 * update waits its turn on FerretDB). The sweep sees its last-seen time that much late: a device
 * reporting on time looks silent for at most its interval plus a quarter of the allowance, within
 * the allowance for an offline factor of 2 or more.
 */
@Injectable()
export class DevicePresence implements BeforeApplicationShutdown {
  private readonly known = new Map<string, { state: StoredDeviceState; readAt: number }>();
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly states: DeviceStateRepository,
    private readonly events: EventPublisher,
    @Inject(TELEMETRY_SETTINGS) private readonly settings: TelemetrySettings,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  /** The device's state as last read or written here (at most STATE_CACHE_MS old), else from the store. */
  async current(deviceId: string, now = Date.now()): Promise<StoredDeviceState | undefined> {
    const known = this.known.get(deviceId);
    if (known && now - known.readAt < STATE_CACHE_MS) return known.state;
    const state = await this.states.find(deviceId);
    this.remember(deviceId, state, now);
    return state;
  }

  async seen(device: StoredDevice, state: StoredDeviceState | undefined, visit: Visit): Promise<Seen> {
    if (state?.online === true && !widens(state, visit)) {
      this.defer(device, state, visit);
      return { wentOnline: false, lastSeenAt: laterOf(state.lastSeenAt, visit.receivedAt) };
    }
    // What waits from earlier batches goes first, so it can never land on top of this newer write.
    if (this.pending.has(device.code)) {
      await this.flush(device.code);
      return this.write(device, this.known.get(device.code)?.state ?? state, visit);
    }
    return this.write(device, state, visit);
  }

  /** Forgets what this instance knew of a device's state: another writer (the sweep) changed it. */
  forget(deviceId: string): void {
    this.known.delete(deviceId);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((id) => this.flush(id)));
  }

  private async write(
    device: StoredDevice,
    known: StoredDeviceState | undefined,
    visit: Visit,
  ): Promise<Seen> {
    let state = known;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) state = await this.states.find(device.code);
      const lastSeenAt = laterOf(state?.lastSeenAt, visit.receivedAt);
      try {
        if (!state) {
          const first = await this.states.insert(firstState(device.code, visit), [
            this.online(device, lastSeenAt, visit, 1),
          ]);
          this.remember(device.code, first);
          return { wentOnline: true, lastSeenAt, version: first.version };
        }
        const update = traces(state, visit);
        if (state.online !== false) {
          if (!(await this.states.touch(device.code, update))) continue;
          this.remember(device.code, { ...applied(state, visit), online: true, version: state.version + 1 });
          return { wentOnline: false, lastSeenAt };
        }
        const back = {
          ...update,
          $set: {
            ...update.$set,
            online: true,
            statusChangedAt: visit.receivedAt,
            statusUntold: true,
            outages: closeOutage(state.outages ?? [], visit.receivedAt),
          },
        };
        const entry = this.online(device, lastSeenAt, visit, state.version + 1);
        const changed = await this.states.change(device.code, state.version, back, [entry]);
        this.remember(device.code, changed);
        return { wentOnline: true, lastSeenAt, version: changed.version };
      } catch (err) {
        // Another writer got there first (a sweep, a batch on another path): read again and redo.
        if (
          !(err instanceof VersionConflictError || (err instanceof ConflictError && err.code === 'duplicate'))
        )
          throw err;
      }
    }
    throw new ConflictError(
      'device-state-busy',
      `the state of device ${device.code} kept changing; send the batch again`,
      {
        id: device.code,
      },
    );
  }

  /** Keeps an online device's last seen, battery and signal for one write at the end of its window. */
  private defer(device: StoredDevice, state: StoredDeviceState, visit: Visit): void {
    const at = measuredAt(visit);
    const waiting = this.pending.get(device.code);
    const allowanceMs =
      device.device.reportingIntervalSeconds * 1000 * this.settings.TELEMETRY_OFFLINE_FACTOR;
    const next: Pending = waiting ?? {
      lastSeenAt: visit.receivedAt,
      timer: setTimeout(
        () => void this.flush(device.code),
        Math.min(MAX_COALESCE_MS, allowanceMs / 4),
      ).unref(),
    };
    next.lastSeenAt = laterOf(next.lastSeenAt, visit.receivedAt);
    if (
      visit.batteryPct !== undefined &&
      !(next.battery && next.battery.at > at) &&
      !(state.battery && state.battery.at > at)
    )
      next.battery = { pct: visit.batteryPct, at };
    if (
      visit.signalDbm !== undefined &&
      !(next.signal && next.signal.at > at) &&
      !(state.signal && state.signal.at > at)
    )
      next.signal = { dbm: visit.signalDbm, at };
    this.pending.set(device.code, next);
  }

  private async flush(deviceId: string): Promise<void> {
    const waiting = this.pending.get(deviceId);
    if (!waiting) return;
    this.pending.delete(deviceId);
    clearTimeout(waiting.timer);
    const set = {
      ...(waiting.battery && { battery: waiting.battery }),
      ...(waiting.signal && { signal: waiting.signal }),
    };
    try {
      await this.states.touch(deviceId, {
        $max: { lastSeenAt: waiting.lastSeenAt, updatedAt: waiting.lastSeenAt },
        ...(Object.keys(set).length > 0 && { $set: set }),
      });
      const known = this.known.get(deviceId);
      if (known)
        known.state = {
          ...known.state,
          ...set,
          lastSeenAt: laterOf(known.state.lastSeenAt, waiting.lastSeenAt),
          version: known.state.version + 1,
        };
    } catch (err) {
      // The device's next batch writes its last-seen time again.
      this.logger.warn({ err, deviceId }, 'could not record a device’s last batches');
    }
  }

  private remember(deviceId: string, state: StoredDeviceState | undefined, now = Date.now()): void {
    if (state) this.known.set(deviceId, { state, readAt: now });
    else this.known.delete(deviceId);
  }

  private online(device: StoredDevice, lastSeenAt: Date, visit: Visit, version: number) {
    return deviceStatusEntry(
      this.events,
      device,
      { online: true, lastSeenAt, at: visit.receivedAt, version },
      { kind: 'device', id: device.code },
    );
  }
}

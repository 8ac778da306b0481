// What one batch changes in its device's state, as plain data: the state presence writes.
import type { StoredDeviceState, StateUpdate } from '../../persistence/device-state.repository';
import { hourOf, metricField } from '../../domain/buckets';
import type { Reading } from '../../domain/readings';

/** A batch as its device's state sees it: when it arrived, what it measured, its battery and signal. */
export interface Visit {
  readonly receivedAt: Date;
  /** Non-empty: a batch with nothing stored is no visit. */
  readonly readings: readonly Reading[];
  readonly batteryPct?: number;
  readonly signalDbm?: number;
}

export function laterOf(a: Date | undefined, b: Date): Date {
  return a && a > b ? a : b;
}

/** When the batch's newest reading was measured: what its battery and signal belong to. */
export function measuredAt(visit: Visit): Date {
  return new Date(Math.max(...visit.readings.map((r) => r.at.getTime())));
}

function hoursOf(visit: Visit): { first: Date; last: Date } {
  const times = visit.readings.map((r) => r.at.getTime());
  return {
    first: new Date(hourOf(new Date(Math.min(...times)))),
    last: new Date(hourOf(new Date(Math.max(...times)))),
  };
}

/** A batch with a metric or an hour the state does not know yet: series read by the state must see it now. */
export function widens(state: StoredDeviceState, visit: Visit): boolean {
  const hours = hoursOf(visit);
  return (
    !state.hours ||
    hours.first < state.hours.first ||
    hours.last > state.hours.last ||
    visit.readings.some((r) => state.units?.[metricField(r.metric)] === undefined)
  );
}

export function firstState(deviceId: string, visit: Visit) {
  const at = measuredAt(visit);
  return {
    _id: deviceId,
    online: true,
    statusChangedAt: visit.receivedAt,
    statusUntold: true,
    lastSeenAt: visit.receivedAt,
    ...(visit.batteryPct !== undefined && { battery: { pct: visit.batteryPct, at } }),
    ...(visit.signalDbm !== undefined && { signal: { dbm: visit.signalDbm, at } }),
    units: Object.fromEntries(visit.readings.map((r) => [metricField(r.metric), r.unit])),
    hours: hoursOf(visit),
    outages: [],
    createdAt: visit.receivedAt,
    updatedAt: visit.receivedAt,
  };
}

/** The batch's battery and signal, if newer than the state's. */
function newer(state: StoredDeviceState, visit: Visit) {
  const at = measuredAt(visit);
  return {
    ...(visit.batteryPct !== undefined &&
      !(state.battery && state.battery.at > at) && { battery: { pct: visit.batteryPct, at } }),
    ...(visit.signalDbm !== undefined &&
      !(state.signal && state.signal.at > at) && { signal: { dbm: visit.signalDbm, at } }),
  };
}

/** What a batch changes in a state that exists: only what moves. */
export function traces(state: StoredDeviceState, visit: Visit): StateUpdate {
  const hours = hoursOf(visit);
  const set: Record<string, unknown> = { ...newer(state, visit) };
  for (const r of visit.readings) {
    const field = metricField(r.metric);
    if (state.units?.[field] === undefined) set[`units.${field}`] = r.unit;
  }
  return {
    ...(Object.keys(set).length > 0 && { $set: set }),
    $max: { lastSeenAt: visit.receivedAt, updatedAt: visit.receivedAt, 'hours.last': hours.last },
    $min: { 'hours.first': hours.first },
  };
}

/** The state as `traces` leaves it, without reading it back. */
export function applied(state: StoredDeviceState, visit: Visit): StoredDeviceState {
  const hours = hoursOf(visit);
  return {
    ...state,
    ...newer(state, visit),
    lastSeenAt: laterOf(state.lastSeenAt, visit.receivedAt),
    units: {
      ...Object.fromEntries(visit.readings.map((r) => [metricField(r.metric), r.unit])),
      ...state.units,
    },
    hours: {
      first: state.hours && state.hours.first < hours.first ? state.hours.first : hours.first,
      last: state.hours && state.hours.last > hours.last ? state.hours.last : hours.last,
    },
  };
}

import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, UpdateQuery } from 'mongoose';
import {
  AggregateStore,
  EventPublisher,
  WITHOUT_INTERNAL_FIELDS,
  type OutboxEntry,
  type UpdateDocument,
} from '@buqi/messaging';
import { DEVICE_STATE_MODEL, type DeviceStateDocument } from './device-state.schema';

export type StoredDeviceState = Omit<DeviceStateDocument, '_id'> & { deviceId: string };

/** A change of a state document other than its version (the store moves the version). */
export type StateUpdate = Pick<UpdateDocument, '$set' | '$min'> & { $max?: Record<string, unknown> };

/**
 * The only user of the device-state model. Status changes are version-guarded single writes with
 * their events (two sweeps or a sweep and a batch cannot both win); a batch that changes no status
 * is a plain update that still moves the version, so a sweep that read the state before it loses.
 */
@Injectable()
export class DeviceStateRepository {
  private readonly store: AggregateStore<DeviceStateDocument>;

  constructor(
    @InjectModel(DEVICE_STATE_MODEL) private readonly model: Model<DeviceStateDocument>,
    events: EventPublisher,
  ) {
    this.store = new AggregateStore(model, 'device state', events);
  }

  async find(deviceId: string): Promise<StoredDeviceState | undefined> {
    const doc = await this.store.findById(deviceId);
    return doc ? toState(doc) : undefined;
  }

  async all(): Promise<StoredDeviceState[]> {
    const docs = await this.model.find({}, WITHOUT_INTERNAL_FIELDS).lean<DeviceStateDocument[]>();
    return docs.map(toState);
  }

  /**
   * The first state of a device, with its first status event; a state that exists is a 409. Events
   * are due now, by the clock: the time a change is about may be another (a sweep run for a moment).
   */
  async insert(
    state: Omit<DeviceStateDocument, 'version'>,
    events: OutboxEntry[],
  ): Promise<StoredDeviceState> {
    return toState(await this.store.insert(state, events));
  }

  /** A status or condition change, if the state is still at `version`; stale is a VersionConflictError. */
  async change(
    deviceId: string,
    version: number,
    update: StateUpdate,
    events: OutboxEntry[],
  ): Promise<StoredDeviceState> {
    return toState(await this.store.update(deviceId, version, update, events));
  }

  /** A batch's traces (last seen, battery, units, hours): no status change, so no guard. */
  async touch(deviceId: string, update: StateUpdate): Promise<boolean> {
    const r = await this.model.updateOne({ _id: deviceId }, {
      ...update,
      $inc: { version: 1 },
    } as UpdateQuery<DeviceStateDocument>);
    return r.matchedCount === 1;
  }

  /**
   * The shortfall rules took the device's status or condition as of `version`; a state changed since
   * keeps its mark (the sweep tells it again: the rules take a repeat as nothing new).
   */
  async told(deviceId: string, version: number, what: 'status' | 'condition'): Promise<void> {
    await this.model.updateOne({ _id: deviceId, version }, { $unset: { [`${what}Untold`]: '' } });
  }

  /** Records how far the retention job has deleted this device's readings. */
  async purgedBefore(deviceId: string, before: Date): Promise<void> {
    await this.model.updateOne({ _id: deviceId }, { $max: { purgedBefore: before } });
  }
}

function toState(doc: DeviceStateDocument): StoredDeviceState {
  const { _id, ...rest } = doc;
  return { deviceId: _id, ...rest };
}

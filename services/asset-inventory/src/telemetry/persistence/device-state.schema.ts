import { Schema } from 'mongoose';
import { aggregatePlugin } from '@buqi/messaging';

/**
 * What telemetry knows of a device, apart from its asset document (whose version would otherwise
 * move with every batch): when it was last heard, its last battery and signal, whether it is online,
 * its outages for the uptime, its condition as last told to the shortfall rules, and its
 * device.status-changed.v1 events in the outbox.
 */
export interface DeviceStateDocument {
  _id: string;
  version: number;
  /** Absent until the device first reports or is first found silent. */
  online?: boolean;
  statusChangedAt?: Date;
  /** When a batch of it reached the platform (not the device's clock). */
  lastSeenAt?: Date;
  battery?: { pct: number; at: Date };
  signal?: { dbm: number; at: Date };
  /** metric → unit, as first reported (keys are metric names with "." stored as ":"). */
  units?: Record<string, string>;
  /** The first and last hour holding its readings: the hours a series looks up. */
  hours?: { first: Date; last: Date };
  outages?: { from: Date; to?: Date }[];
  /** The latest condition from telemetry, with the factors behind it (absent on older states). */
  condition?: { index: number; at: Date; factors?: Record<string, unknown> };
  /** Set with a status or condition change, cleared once the shortfall rules took it. */
  statusUntold?: boolean;
  conditionUntold?: boolean;
  /** Readings of hours before this were deleted by the retention job. */
  purgedBefore?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const DEVICE_STATE_MODEL = 'DeviceState';

const closed = { _id: false, strict: 'throw' as const };

export const deviceStateSchema = new Schema<DeviceStateDocument>(
  {
    _id: { type: String, required: true },
    online: Boolean,
    statusChangedAt: Date,
    lastSeenAt: Date,
    battery: new Schema(
      { pct: { type: Number, required: true }, at: { type: Date, required: true } },
      closed,
    ),
    signal: new Schema({ dbm: { type: Number, required: true }, at: { type: Date, required: true } }, closed),
    units: { type: Schema.Types.Mixed, default: undefined },
    hours: new Schema(
      { first: { type: Date, required: true }, last: { type: Date, required: true } },
      closed,
    ),
    outages: {
      type: [new Schema({ from: { type: Date, required: true }, to: Date }, closed)],
      default: undefined,
    },
    condition: new Schema(
      {
        index: { type: Number, required: true },
        at: { type: Date, required: true },
        factors: { type: Schema.Types.Mixed, default: undefined },
      },
      closed,
    ),
    statusUntold: Boolean,
    conditionUntold: Boolean,
    purgedBefore: Date,
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'device_states', strict: 'throw', minimize: false },
);
deviceStateSchema.plugin(aggregatePlugin);

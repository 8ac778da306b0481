import { Type, type Static } from '@sinclair/typebox';
import { Closed } from '@buqi/platform';

/**
 * A device's batch, as device.telemetry.v1 carries it less the device id (its key names the device).
 * The shape is checked here (unknown fields are refused by name); what each reading says is checked
 * reading by reading, so the valid ones are kept and the others reported by index.
 */
export const ReadingsBatch = Closed({
  readings: Type.Array(
    Closed({
      metric: Type.String({ maxLength: 100, description: 'e.g. nh3: lowercase letters, digits, "_" or "."' }),
      value: Type.Union([Type.Number(), Type.Null()], { description: 'The measured value; null is refused' }),
      unit: Type.String({
        maxLength: 100,
        description: 'e.g. ppm; a metric keeps the unit it was first sent in',
      }),
      at: Type.String({ maxLength: 100, description: 'When it was measured: ISO 8601 with its offset' }),
    }),
    { minItems: 1, maxItems: 500 },
  ),
  batteryPct: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  signalDbm: Type.Optional(Type.Number({ minimum: -150, maximum: 0 })),
});
export type ReadingsBatch = Static<typeof ReadingsBatch>;

export const IngestReportView = Type.Object({
  deviceId: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  stored: Type.Integer({ description: 'Readings kept (one already stored counts: it is stored once)' }),
  refused: Type.Array(
    Type.Object({
      index: Type.Integer({ description: 'Its place in readings, from 0' }),
      field: Type.String({ description: 'e.g. readings[3].at' }),
      value: Type.Optional(Type.Unknown()),
      reason: Type.String(),
    }),
  ),
});

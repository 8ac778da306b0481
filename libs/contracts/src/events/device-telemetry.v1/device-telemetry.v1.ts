import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Id, Timestamp } from '../common';

/** Readings from a gateway; high volume, may arrive late, twice or out of order. */
export const DeviceTelemetryV1 = defineEvent({
  type: 'device.telemetry',
  version: 1,
  schema: Type.Object(
    {
      deviceId: Id('Monitoring device id'),
      readings: Type.Array(
        Type.Object(
          {
            metric: Type.String({ pattern: '^[a-z][a-z0-9_.]{0,63}$' }),
            value: Type.Number(),
            unit: Type.String({ minLength: 1, maxLength: 16 }),
            at: Timestamp('When the device measured it'),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 500 },
      ),
      batteryPct: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
      signalDbm: Type.Optional(Type.Number({ minimum: -150, maximum: 0 })),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.deviceId,
  example: {
    deviceId: 'dev-nh3-s-court-rr-02',
    readings: [{ metric: 'nh3', value: 0.8, unit: 'ppm', at: '2026-03-02T08:00:00.000Z' }],
    batteryPct: 76,
    signalDbm: -71,
  },
});

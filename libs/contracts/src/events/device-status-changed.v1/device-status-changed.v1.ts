import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Id, Timestamp } from '../common';

/**
 * A monitoring device went offline (silent past its reporting interval × the offline factor) or
 * reported again, published by asset-inventory once per change. Keyed by the device, so one
 * device's changes keep their order; `version` grows with every change of its state.
 */
export const DeviceStatusChangedV1 = defineEvent({
  type: 'device.status-changed',
  version: 1,
  schema: Type.Object(
    {
      deviceId: Id('Monitoring device id (its asset code)'),
      watchedAssetId: Type.Optional(Id('The asset it watches, e.g. a restroom')),
      watchedPlaceId: Type.Optional(Id('The place it watches when not an asset: a site, zone or building')),
      online: Type.Boolean(),
      lastSeenAt: Type.Optional(Timestamp('When it was last heard from; absent if it never reported')),
      at: Timestamp('When the change was found'),
      version: Type.Integer({ minimum: 1, description: "The device state's version after the change" }),
    },
    { additionalProperties: false },
  ),
  key: (d) => d.deviceId,
  example: {
    deviceId: 'NY-DV-001',
    watchedAssetId: 'NY-RR-003',
    online: false,
    lastSeenAt: '2026-03-02T07:55:00.000Z',
    at: '2026-03-02T08:12:00.000Z',
    version: 14,
  },
});

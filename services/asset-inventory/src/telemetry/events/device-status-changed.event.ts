import { DeviceStatusChangedV1, type Actor } from '@buqi/contracts';
import type { EventPublisher, OutboxEntry } from '@buqi/messaging';
import type { DeviceAttributes } from '../../assets/domain/asset';

/** The device.status-changed.v1 event of a change, stored with the state write that makes it. */
export function deviceStatusEntry(
  events: EventPublisher,
  device: { code: string; device: DeviceAttributes },
  change: { online: boolean; lastSeenAt?: Date; at: Date; version: number },
  actor: Actor,
): OutboxEntry {
  const watches = device.device.watches;
  return events.entry(
    DeviceStatusChangedV1,
    {
      deviceId: device.code,
      ...('assetId' in watches ? { watchedAssetId: watches.assetId } : { watchedPlaceId: watches.placeId }),
      online: change.online,
      ...(change.lastSeenAt && { lastSeenAt: change.lastSeenAt.toISOString() }),
      at: change.at.toISOString(),
      version: change.version,
    },
    { actor, time: change.at },
  ).entry;
}

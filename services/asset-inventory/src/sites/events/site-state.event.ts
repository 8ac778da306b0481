import { SiteStateV1 } from '@buqi/contracts';
import type { Caller } from '@buqi/auth';
import type { EventPublisher, OutboxEntry } from '@buqi/messaging';
import { buildingId, zoneId, type Site } from '../domain/site';

/** The site.state.v1 event of a site as it will be at `version`, to be stored with that write. */
export function siteStateEntry(
  events: EventPublisher,
  site: Site,
  version: number,
  caller: Caller,
): OutboxEntry {
  return events.entry(
    SiteStateV1,
    {
      siteId: site.id,
      name: site.name,
      kind: site.kind,
      version,
      zones: site.zones.map((z) => ({ zoneId: zoneId(site.id, z.code), code: z.code, name: z.name })),
      buildings: site.buildings.map((b) => ({
        buildingId: buildingId(site.id, b.code),
        code: b.code,
        name: b.name,
        zoneId: zoneId(site.id, b.zone),
        importance: b.importance,
      })),
      updatedAt: caller.now.toISOString(),
    },
    { actor: caller.actor, time: caller.now },
  ).entry;
}

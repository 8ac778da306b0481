import { Type, type Static } from '@sinclair/typebox';
import { SiteKind } from '@buqi/contracts';
import { BUILDING_KINDS, buildingId, zoneId } from '../domain/site';
import type { StoredSite } from '../persistence/site.repository';

const Point = Type.Object({ x: Type.Number(), y: Type.Number() });

/** A site as the API shows it. */
export const SiteView = Type.Object({
  id: Type.String({ description: 'The site code, e.g. NY' }),
  name: Type.String(),
  kind: SiteKind,
  address: Type.Optional(Type.String()),
  plan: Type.Object({ widthM: Type.Number(), heightM: Type.Number() }),
  zones: Type.Array(
    Type.Object({
      zoneId: Type.String({ description: '<site>-<code>, unique across sites' }),
      code: Type.String(),
      name: Type.String(),
      outline: Type.Array(Point),
    }),
  ),
  buildings: Type.Array(
    Type.Object({
      buildingId: Type.String({ description: '<site>-<code>, unique across sites' }),
      code: Type.String(),
      name: Type.String(),
      kind: Type.Union(BUILDING_KINDS.map((k) => Type.Literal(k))),
      zoneId: Type.String(),
      location: Point,
      floors: Type.Integer(),
      importance: Type.Integer({ minimum: 1, maximum: 5 }),
    }),
  ),
  version: Type.Integer({ description: 'Also the ETag; send it back in If-Match to change the site' }),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.String(),
});
export type SiteView = Static<typeof SiteView>;

export function toSiteView(site: StoredSite): SiteView {
  return {
    id: site.id,
    name: site.name,
    kind: site.kind,
    ...(site.address && { address: site.address }),
    plan: { widthM: site.plan.widthM, heightM: site.plan.heightM },
    zones: site.zones.map((z) => ({
      zoneId: zoneId(site.id, z.code),
      code: z.code,
      name: z.name,
      outline: z.outline.map((p) => ({ x: p.x, y: p.y })),
    })),
    buildings: site.buildings.map((b) => ({
      buildingId: buildingId(site.id, b.code),
      code: b.code,
      name: b.name,
      kind: b.kind,
      zoneId: zoneId(site.id, b.zone),
      location: { x: b.location.x, y: b.location.y },
      floors: b.floors,
      importance: b.importance,
    })),
    version: site.version,
    createdAt: site.createdAt.toISOString(),
    createdBy: site.createdBy,
    updatedAt: site.updatedAt.toISOString(),
    updatedBy: site.updatedBy,
  };
}

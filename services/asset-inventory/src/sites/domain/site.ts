import { ConflictError, DomainValidationError, finite, text } from '@buqi/domain-kernel';

export const SITE_KINDS = [
  'government-compound',
  'office-area',
  'managed-compound',
  'housing-estate',
] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** A position on the site's plan drawing, in metres from its top-left corner. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The extent of the site's plan drawing (the console draws assets on it). */
export interface Plan {
  readonly widthM: number;
  readonly heightM: number;
}

/** An area of a site (主楼区, 后勤区 …): budget caps and work assignment are kept per zone. */
export interface Zone {
  readonly code: string;
  readonly name: string;
  /** A simple polygon on the plan, at least three corners. */
  readonly outline: readonly Point[];
}

export const BUILDING_KINDS = ['office', 'conference', 'canteen', 'residential', 'service', 'other'] as const;
export type BuildingKind = (typeof BUILDING_KINDS)[number];

/**
 * A building or area of a site (人大办公楼, 1号台, 食堂 …): where restrooms are and devices watch.
 * `importance` (1–5) is how much it weighs when shortfalls are ranked: 1号台 and the leaders'
 * office buildings weigh more.
 */
export interface Building {
  readonly code: string;
  readonly name: string;
  readonly kind: BuildingKind;
  /** The zone it stands in, by code. */
  readonly zone: string;
  readonly location: Point;
  readonly floors: number;
  readonly importance: number;
}

/** A compound the bureau runs, e.g. 机关南院; its code prefixes its assets' codes (NY-RD-012). */
export interface Site {
  readonly id: string;
  readonly name: string;
  readonly kind: SiteKind;
  readonly address?: string;
  readonly plan: Plan;
  readonly zones: readonly Zone[];
  readonly buildings: readonly Building[];
}

const MAX_PLAN_M = 20_000;
const MAX_ZONES = 200;

export function registerSite(input: Omit<Site, 'zones' | 'buildings'>): Site {
  return {
    id: input.id,
    name: text('name', input.name.trim(), 100),
    kind: input.kind,
    ...(input.address?.trim() && { address: input.address.trim() }),
    plan: validPlan('plan', input.plan),
    zones: [],
    buildings: [],
  };
}

/** Renames, re-classes or re-draws a site; a plan that would leave a zone outside it is refused. */
export function reviseSite(
  site: Site,
  change: Partial<Pick<Site, 'name' | 'kind' | 'address' | 'plan'>>,
): Site {
  const plan = change.plan ? validPlan('plan', change.plan) : site.plan;
  for (const zone of site.zones) {
    const outside = zone.outline.find((p) => !inside(p, plan));
    if (outside)
      throw new DomainValidationError(
        'plan',
        change.plan,
        `would leave zone ${zone.code} outside the plan (its corner at x=${outside.x}, y=${outside.y} m)`,
      );
  }
  const stranded = site.buildings.find((b) => !inside(b.location, plan));
  if (stranded)
    throw new DomainValidationError(
      'plan',
      change.plan,
      `would leave building ${stranded.code} outside the plan`,
    );
  const { address: previous, ...rest } = site;
  // An empty address clears it.
  const address = change.address === undefined ? previous : change.address.trim();
  return {
    ...rest,
    name: change.name === undefined ? site.name : text('name', change.name.trim(), 100),
    kind: change.kind ?? site.kind,
    ...(address && { address }),
    plan,
  };
}

/** Adds a zone: its code unique within the site, its outline a simple polygon inside the plan. */
export function addZone(site: Site, zone: Zone): Site {
  if (site.zones.some((z) => z.code === zone.code))
    throw new ConflictError('duplicate-zone', `site ${site.id} already has a zone ${zone.code}`, {
      siteId: site.id,
      zone: zone.code,
    });
  if (site.zones.length >= MAX_ZONES)
    throw new DomainValidationError('zones', site.zones.length, `a site holds at most ${MAX_ZONES} zones`);
  if (zone.outline.length < 3)
    throw new DomainValidationError('outline', zone.outline, 'needs at least three corners');
  zone.outline.forEach((p, i) => {
    finite(`outline[${i}].x`, p.x);
    finite(`outline[${i}].y`, p.y);
    if (!inside(p, site.plan))
      throw new DomainValidationError(
        `outline[${i}]`,
        p,
        `lies outside the site plan (0–${site.plan.widthM} m across, 0–${site.plan.heightM} m down)`,
      );
  });
  const crossing = selfIntersection(zone.outline);
  if (crossing)
    throw new DomainValidationError(
      'outline',
      zone.outline,
      `crosses itself (edges ${crossing[0]} and ${crossing[1]})`,
    );
  // After the crossing check: a symmetric figure eight also has a signed area of zero.
  if (area(zone.outline) === 0) throw new DomainValidationError('outline', zone.outline, 'encloses no area');
  return {
    ...site,
    zones: [
      ...site.zones,
      { code: zone.code, name: text('name', zone.name.trim(), 100), outline: zone.outline },
    ],
  };
}

/** Adds a building: its code unique within the site, standing in one of its zones, on its plan. */
export function addBuilding(site: Site, building: Building): Site {
  if (site.buildings.some((b) => b.code === building.code))
    throw new ConflictError('duplicate-building', `site ${site.id} already has a building ${building.code}`, {
      siteId: site.id,
      building: building.code,
    });
  if (!site.zones.some((z) => z.code === building.zone))
    throw new DomainValidationError('zone', building.zone, `is not a zone of site ${site.id}`);
  if (!inside(building.location, site.plan))
    throw new DomainValidationError(
      'location',
      building.location,
      `lies outside the site plan (0–${site.plan.widthM} m across, 0–${site.plan.heightM} m down)`,
    );
  return {
    ...site,
    buildings: [...site.buildings, { ...building, name: text('name', building.name.trim(), 100) }],
  };
}

/** Whether a point lies on the site's plan (an asset's location must). */
export function onPlan(site: Site, p: Point): boolean {
  return inside(p, site.plan);
}

/** A building's id across sites: <siteId>-<code>. */
export function buildingId(siteId: string, code: string): string {
  return `${siteId}-${code}`;
}

/** A zone's id across sites: <siteId>-<code>. */
export function zoneId(siteId: string, code: string): string {
  return `${siteId}-${code}`;
}

function validPlan(field: string, plan: Plan): Plan {
  return {
    widthM: finite(`${field}.widthM`, plan.widthM, { min: 1, max: MAX_PLAN_M }),
    heightM: finite(`${field}.heightM`, plan.heightM, { min: 1, max: MAX_PLAN_M }),
  };
}

function inside(p: Point, plan: Plan): boolean {
  return p.x >= 0 && p.y >= 0 && p.x <= plan.widthM && p.y <= plan.heightM;
}

/** Shoelace formula; the sign tells the winding, only zero matters here. */
function area(outline: readonly Point[]): number {
  let twice = 0;
  outline.forEach((p, i) => {
    const q = outline[(i + 1) % outline.length];
    twice += p.x * q.y - q.x * p.y;
  });
  return Math.abs(twice) / 2;
}

/** The first pair of non-adjacent edges that cross, as edge indexes, if any. */
function selfIntersection(outline: readonly Point[]): [number, number] | undefined {
  const n = outline.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) continue; // neighbours share a corner
      const [a, b] = [outline[i], outline[(i + 1) % n]];
      const [c, d] = [outline[j], outline[(j + 1) % n]];
      if (segmentsCross(a, b, c, d)) return [i, j];
    }
  }
  return undefined;
}

function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const orient = (p: Point, q: Point, r: Point) =>
    Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  const onSegment = (p: Point, q: Point, r: Point) =>
    Math.min(p.x, r.x) <= q.x &&
    q.x <= Math.max(p.x, r.x) &&
    Math.min(p.y, r.y) <= q.y &&
    q.y <= Math.max(p.y, r.y);
  const [o1, o2, o3, o4] = [orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)];
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(a, c, b)) ||
    (o2 === 0 && onSegment(a, d, b)) ||
    (o3 === 0 && onSegment(c, a, d)) ||
    (o4 === 0 && onSegment(c, b, d))
  );
}

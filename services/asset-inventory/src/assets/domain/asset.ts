import { ConflictError, DomainValidationError, finite, integer, text, validDate } from '@buqi/domain-kernel';
import {
  FIXTURE_KINDS,
  PAVEMENT_METHODS,
  RESTROOM_CLASSES,
  URBAN_ROAD_CLASSES,
  type FixtureKind,
  type PavementMethod,
  type RestroomClass,
  type UrbanRoadClass,
} from '@buqi/domain-condition';

export const ASSET_CLASSES = ['road-segment', 'restroom', 'monitoring-device'] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

/** The class's part of an asset code: NY-RD-012 is road segment 12 of site NY. */
export const CLASS_CODES: Readonly<Record<AssetClass, string>> = {
  'road-segment': 'RD',
  restroom: 'RR',
  'monitoring-device': 'DV',
};

export const ASSET_STATUSES = ['in-service', 'under-maintenance', 'out-of-service', 'retired'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const ROAD_PAVEMENTS = ['asphalt', 'cement-concrete', 'block-paving'] as const;
export type RoadPavement = (typeof ROAD_PAVEMENTS)[number];

/** Kinds of monitoring device; the names the coverage requirements use (e.g. a restroom needs an nh3-sensor). */
export const DEVICE_KINDS = [
  'nh3-sensor',
  'h2s-sensor',
  'water-leak-sensor',
  'air-quality-sensor',
  'occupancy-sensor',
  'smoke-detector',
  'camera',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** What every asset has, whatever its class. */
export interface AssetCore {
  /** The asset code, e.g. NY-RD-012: site, class, number. */
  readonly code: string;
  readonly name: string;
  readonly siteId: string;
  /** Zone and building by code within the site. */
  readonly zone?: string;
  readonly building?: string;
  /** A point on the site plan, metres from its top-left corner. */
  readonly location: Point;
  /** 1 (little follows from a failure) … 5 (safety or the leadership is affected). */
  readonly criticality: number;
  /** YYYY-MM-DD */
  readonly installedOn: string;
  readonly expectedLifeYears: number;
  readonly replacementCostFen: number;
  readonly status: AssetStatus;
  /** The responsible department's code, as the identity provider's `department` claim names it. */
  readonly department: string;
}

export interface RoadSegmentAttributes {
  readonly lengthM: number;
  readonly widthM: number;
  /** Defaults to length × width; an irregular segment gives its measured area. */
  readonly areaM2: number;
  readonly pavement: RoadPavement;
  readonly roadClass: UrbanRoadClass;
  /** The pavement condition method its inspections follow (CJJ 36 by default). */
  readonly conditionMethod: PavementMethod;
  /** 以克论净: the dust-load limit of its carriageway, g/m² (defaults from its road class). */
  readonly dustStandardGPerM2: number;
}

export interface RestroomAttributes {
  readonly floor: number;
  readonly fixtures: readonly { readonly kind: FixtureKind; readonly count: number }[];
  readonly accessible: boolean;
  readonly dailyFootfall: number;
  /** 一类/二类/三类: the hygiene limits it is held to (GB/T 17217). */
  readonly restroomClass: RestroomClass;
}

export interface DeviceAttributes {
  readonly kind: DeviceKind;
  /** The asset (e.g. a restroom) or place (a building, zone or site, as `<site>-<code>` or the site id) it watches. */
  readonly watches: { readonly assetId: string } | { readonly placeId: string };
  readonly reportingIntervalSeconds: number;
  readonly power: 'battery' | 'mains';
  readonly link: 'wired' | 'wireless';
  readonly firmware?: string;
}

export type Asset =
  | (AssetCore & { readonly assetClass: 'road-segment'; readonly road: RoadSegmentAttributes })
  | (AssetCore & { readonly assetClass: 'restroom'; readonly restroom: RestroomAttributes })
  | (AssetCore & { readonly assetClass: 'monitoring-device'; readonly device: DeviceAttributes });

/** What an asset must be checked against: the site it stands on (its plan, zones and buildings). */
export interface SiteFacts {
  readonly id: string;
  readonly plan: { readonly widthM: number; readonly heightM: number };
  readonly zones: readonly string[];
  readonly buildings: readonly { readonly code: string; readonly zone: string }[];
}

const CODE = /^([A-Z][A-Z0-9]{1,5})-([A-Z]{2})-(\d{3,6})$/;

/**
 * The rules every asset keeps, whatever its class, checked when it is registered and whenever it
 * changes: a code of its site and class, a place on its site, a sensible life and cost.
 */
export function checkAsset(asset: Asset, site: SiteFacts, today: string): Asset {
  const match = CODE.exec(asset.code);
  if (!match)
    throw new DomainValidationError('code', asset.code, 'must be <site>-<class>-<number>, e.g. NY-RD-012');
  if (match[1] !== site.id)
    throw new DomainValidationError('code', asset.code, `must start with its site's code ${site.id}`);
  if (match[2] !== CLASS_CODES[asset.assetClass])
    throw new DomainValidationError(
      'code',
      asset.code,
      `must carry ${CLASS_CODES[asset.assetClass]} for a ${asset.assetClass}`,
    );
  text('name', asset.name, 100);
  const { x, y } = asset.location;
  if (
    finite('location.x', x) < 0 ||
    x > site.plan.widthM ||
    finite('location.y', y) < 0 ||
    y > site.plan.heightM
  )
    throw new DomainValidationError(
      'location',
      asset.location,
      `lies outside the plan of site ${site.id} (0–${site.plan.widthM} m across, 0–${site.plan.heightM} m down)`,
    );
  if (asset.zone !== undefined && !site.zones.includes(asset.zone))
    throw new DomainValidationError('zone', asset.zone, `is not a zone of site ${site.id}`);
  if (asset.building !== undefined) {
    const building = site.buildings.find((b) => b.code === asset.building);
    if (!building)
      throw new DomainValidationError('building', asset.building, `is not a building of site ${site.id}`);
    if (asset.zone !== undefined && building.zone !== asset.zone)
      throw new DomainValidationError(
        'zone',
        asset.zone,
        `building ${building.code} stands in zone ${building.zone}`,
      );
  }
  integer('criticality', asset.criticality, { min: 1, max: 5 });
  validDate('installedOn', new Date(`${asset.installedOn}T00:00:00Z`));
  if (asset.installedOn > today)
    throw new DomainValidationError('installedOn', asset.installedOn, `is after today (${today})`);
  finite('expectedLifeYears', asset.expectedLifeYears, { min: 0, max: 200 });
  integer('replacementCostFen', asset.replacementCostFen, { min: 0 });
  if (asset.assetClass === 'road-segment') checkRoad(asset.road);
  if (asset.assetClass === 'restroom') checkRestroom(asset.restroom, asset.building);
  return asset;
}

function checkRoad(road: RoadSegmentAttributes): void {
  const length = finite('road.lengthM', road.lengthM, { min: 0.1 });
  const width = finite('road.widthM', road.widthM, { min: 0.1 });
  finite('road.areaM2', road.areaM2, { min: 0.01 });
  // A measured area may differ from length × width for an irregular segment, but not by more than half.
  if (road.areaM2 > length * width * 1.5)
    throw new DomainValidationError(
      'road.areaM2',
      road.areaM2,
      `is far more than length × width (${length * width} m²)`,
    );
  if (road.pavement === 'block-paving' && road.conditionMethod !== 'cjj36')
    throw new DomainValidationError(
      'road.conditionMethod',
      road.conditionMethod,
      'block paving is assessed under cjj36 only',
    );
  finite('road.dustStandardGPerM2', road.dustStandardGPerM2, { min: 0.1, max: 1000 });
}

function checkRestroom(restroom: RestroomAttributes, building: string | undefined): void {
  if (building === undefined)
    throw new DomainValidationError('building', building, 'a restroom is in a building');
  const kinds = new Set<string>();
  restroom.fixtures.forEach((f, i) => {
    if (kinds.has(f.kind))
      throw new DomainValidationError(`restroom.fixtures[${i}].kind`, f.kind, 'is listed twice');
    kinds.add(f.kind);
  });
  if (!restroom.fixtures.some((f) => f.count > 0))
    throw new DomainValidationError(
      'restroom.fixtures',
      restroom.fixtures,
      'must count at least one fixture',
    );
}

/** A second asset may not take a code in use (the store's unique id enforces it; this names it). */
export function duplicateAsset(code: string): ConflictError {
  return new ConflictError('duplicate', `asset ${code} already exists`, { resource: 'asset', id: code });
}

export { FIXTURE_KINDS, PAVEMENT_METHODS, RESTROOM_CLASSES, URBAN_ROAD_CLASSES };

import { Type, type Static } from '@sinclair/typebox';
import {
  FIXTURE_KINDS,
  PAVEMENT_METHODS,
  RESTROOM_CLASSES,
  URBAN_ROAD_CLASSES,
} from '@buqi/domain-condition';
import { ASSET_STATUSES, DEVICE_KINDS, ROAD_PAVEMENTS } from '../domain/asset';
import { Closed, Literals } from '@buqi/platform';

export const AssetCode = Type.String({
  pattern: '^[A-Z][A-Z0-9]{1,5}-[A-Z]{2}-[0-9]{3,6}$',
  description: '<site>-<class>-<number>: RD road segment, RR restroom, DV monitoring device, e.g. NY-RD-012',
});
export const AssetParams = Closed({ code: AssetCode });

/** The fields every asset has; the site is the code's first part. */
const core = {
  name: Type.String({ minLength: 1, maxLength: 100, description: 'Chinese name, e.g. 南院主干道（东段）' }),
  zone: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{1,10}$', description: 'Zone code within the site' })),
  building: Type.Optional(
    Type.String({ pattern: '^[A-Z0-9]{1,10}$', description: 'Building code within the site' }),
  ),
  location: Closed({
    x: Type.Number({ description: 'Metres from the left of the site plan' }),
    y: Type.Number({ description: 'Metres from the top of the site plan' }),
  }),
  criticality: Type.Integer({
    minimum: 1,
    maximum: 5,
    description: '1 little follows from a failure … 5 safety or the leadership',
  }),
  installedOn: Type.String({ format: 'date', description: 'YYYY-MM-DD' }),
  expectedLifeYears: Type.Number({ minimum: 0, maximum: 200 }),
  replacementCostFen: Type.Integer({ minimum: 0, maximum: 1e13, description: 'In fen (分)' }),
  status: Type.Optional(Literals(ASSET_STATUSES, 'in-service by default')),
  department: Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$', description: 'Responsible department code' }),
};

const road = Closed({
  lengthM: Type.Number({ exclusiveMinimum: 0, maximum: 100_000 }),
  widthM: Type.Number({ exclusiveMinimum: 0, maximum: 200 }),
  areaM2: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'Defaults to length × width' })),
  pavement: Literals(ROAD_PAVEMENTS, 'asphalt, cement-concrete or block-paving'),
  roadClass: Literals(
    URBAN_ROAD_CLASSES,
    'expressway 快速路, arterial 主干路, secondary-arterial 次干路, branch 支路',
  ),
  conditionMethod: Type.Optional(Literals(PAVEMENT_METHODS, 'cjj36 by default')),
  dustStandardGPerM2: Type.Optional(
    Type.Number({
      exclusiveMinimum: 0,
      maximum: 1000,
      description: '以克论净 limit; defaults from the road class',
    }),
  ),
});

const restroom = Closed({
  floor: Type.Integer({ minimum: -10, maximum: 200 }),
  fixtures: Type.Array(
    Closed({
      kind: Literals(FIXTURE_KINDS, 'fixture kind'),
      count: Type.Integer({ minimum: 0, maximum: 500 }),
    }),
    { minItems: 1, maxItems: FIXTURE_KINDS.length },
  ),
  accessible: Type.Boolean({ description: 'Has an accessible (无障碍) cubicle' }),
  dailyFootfall: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  restroomClass: Literals(RESTROOM_CLASSES, '一类, 二类 or 三类 (GB/T 17217 hygiene limits)'),
});

const device = Closed({
  kind: Literals(DEVICE_KINDS, 'what it measures'),
  watches: Type.Union([
    Closed({ assetId: AssetCode }),
    Closed({
      placeId: Type.String({
        pattern: '^[A-Z][A-Z0-9]{1,5}(-[A-Z0-9]{1,10})?$',
        description: 'A site, or <site>-<zone or building code>',
      }),
    }),
  ]),
  reportingIntervalSeconds: Type.Integer({ minimum: 10, maximum: 7 * 24 * 3600 }),
  power: Literals(['battery', 'mains'] as const, 'battery or mains'),
  link: Literals(['wired', 'wireless'] as const, 'wired or wireless'),
  firmware: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
});

export const RegisterRoadSegmentRequest = Closed({ code: AssetCode, ...core, road });
export const RegisterRestroomRequest = Closed({ code: AssetCode, ...core, restroom });
export const RegisterDeviceRequest = Closed({ code: AssetCode, ...core, device });
export type RegisterRoadSegmentRequest = Static<typeof RegisterRoadSegmentRequest>;
export type RegisterRestroomRequest = Static<typeof RegisterRestroomRequest>;
export type RegisterDeviceRequest = Static<typeof RegisterDeviceRequest>;

/** A revision replaces the asset's description whole (the code stays): what a form sends back. */
export const ReviseRoadSegmentRequest = Closed({ ...core, road });
export const ReviseRestroomRequest = Closed({ ...core, restroom });
export const ReviseDeviceRequest = Closed({ ...core, device });
export type ReviseRoadSegmentRequest = Static<typeof ReviseRoadSegmentRequest>;
export type ReviseRestroomRequest = Static<typeof ReviseRestroomRequest>;
export type ReviseDeviceRequest = Static<typeof ReviseDeviceRequest>;

export type AssetRequest =
  | ({ assetClass: 'road-segment' } & ReviseRoadSegmentRequest)
  | ({ assetClass: 'restroom' } & ReviseRestroomRequest)
  | ({ assetClass: 'monitoring-device' } & ReviseDeviceRequest);

import { Type, type Static } from '@sinclair/typebox';
import { ASSET_CLASSES, ASSET_STATUSES } from '../domain/asset';
import type { StoredAsset } from '../persistence/asset.repository';
import { Literals } from '@buqi/platform';

/** An asset's latest condition: its index 0–100, and the grade, action and method where it has them. */
export const LatestCondition = Type.Object({
  index: Type.Number(),
  grade: Type.Optional(Type.String()),
  action: Type.Optional(Type.String()),
  method: Type.Optional(Type.String()),
  assessedAt: Type.String({ format: 'date-time' }),
});

/** An asset as the API shows it (a device's key appears only as its id and state, never the key). */
export const AssetView = Type.Object({
  code: Type.String(),
  assetClass: Literals(ASSET_CLASSES),
  name: Type.String(),
  siteId: Type.String(),
  zone: Type.Optional(Type.String()),
  building: Type.Optional(Type.String()),
  location: Type.Object({ x: Type.Number(), y: Type.Number() }),
  criticality: Type.Integer(),
  installedOn: Type.String({ format: 'date' }),
  expectedLifeYears: Type.Number(),
  replacementCostFen: Type.Integer(),
  status: Literals(ASSET_STATUSES),
  department: Type.String(),
  road: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Road segment attributes' })),
  restroom: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Restroom attributes' })),
  device: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), { description: 'Monitoring device attributes' }),
  ),
  deviceKey: Type.Optional(
    Type.Object({
      keyId: Type.String(),
      issuedAt: Type.String({ format: 'date-time' }),
      revoked: Type.Boolean(),
    }),
  ),
  condition: Type.Optional(LatestCondition),
  lastCalibratedAt: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'Monitoring devices: their newest calibration on record',
    }),
  ),
  version: Type.Integer({ description: 'Also the ETag; send it back in If-Match to change the asset' }),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.String(),
});
export type AssetView = Static<typeof AssetView>;

export const CreatedDeviceView = Type.Composite([
  AssetView,
  Type.Object({
    apiKey: Type.String({
      description:
        'The device’s API key, shown this once: the service keeps only its hash. Send it as Authorization: ApiKey <key>',
    }),
  }),
]);

export function toAssetView(a: StoredAsset): AssetView {
  return {
    code: a.code,
    assetClass: a.assetClass,
    name: a.name,
    siteId: a.siteId,
    ...(a.zone && { zone: a.zone }),
    ...(a.building && { building: a.building }),
    location: { x: a.location.x, y: a.location.y },
    criticality: a.criticality,
    installedOn: a.installedOn,
    expectedLifeYears: a.expectedLifeYears,
    replacementCostFen: a.replacementCostFen,
    status: a.status,
    department: a.department,
    ...(a.assetClass === 'road-segment' && { road: { ...a.road } }),
    ...(a.assetClass === 'restroom' && { restroom: { ...a.restroom } }),
    ...(a.assetClass === 'monitoring-device' && { device: { ...a.device } }),
    ...(a.deviceKey && {
      deviceKey: {
        keyId: a.deviceKey.keyId,
        issuedAt: a.deviceKey.issuedAt.toISOString(),
        revoked: a.deviceKey.revokedAt !== undefined,
      },
    }),
    ...(a.condition && {
      condition: {
        index: a.condition.index,
        ...(a.condition.grade && { grade: a.condition.grade }),
        ...(a.condition.action && { action: a.condition.action }),
        ...(a.condition.method && { method: a.condition.method }),
        assessedAt: a.condition.assessedAt.toISOString(),
      },
    }),
    ...(a.lastCalibratedAt && { lastCalibratedAt: a.lastCalibratedAt.toISOString() }),
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    createdBy: a.createdBy,
    updatedAt: a.updatedAt.toISOString(),
    updatedBy: a.updatedBy,
  };
}

import { FIXTURE_KINDS, type Asset, type DeviceAttributes } from '../../assets/domain/asset';

/**
 * Whether the asset a row describes is the one stored: its description only (code, class, core
 * fields, class attributes), not its bookkeeping (version, condition, key, who and when). Fixtures
 * are compared as counts per kind, whatever order they were given in.
 */
export function sameAsset(row: Asset, stored: Asset): boolean {
  return canonical(describe(row)) === canonical(describe(stored));
}

function describe(asset: Asset): unknown {
  const core = {
    code: asset.code,
    assetClass: asset.assetClass,
    name: asset.name,
    siteId: asset.siteId,
    zone: asset.zone,
    building: asset.building,
    location: { x: asset.location.x, y: asset.location.y },
    criticality: asset.criticality,
    installedOn: asset.installedOn,
    expectedLifeYears: asset.expectedLifeYears,
    replacementCostFen: asset.replacementCostFen,
    status: asset.status,
    department: asset.department,
  };
  switch (asset.assetClass) {
    case 'road-segment':
      return { ...core, road: asset.road };
    case 'restroom':
      return {
        ...core,
        restroom: {
          ...asset.restroom,
          fixtures: [...asset.restroom.fixtures].sort(
            (a, b) => FIXTURE_KINDS.indexOf(a.kind) - FIXTURE_KINDS.indexOf(b.kind),
          ),
        },
      };
    case 'monitoring-device': {
      // A stored device may carry its key beside its attributes; it is not part of the description.
      const { key: _key, ...device } = asset.device as DeviceAttributes & { key?: unknown };
      return { ...core, device };
    }
  }
}

/** JSON with keys sorted and absent values dropped, so field order and `undefined` do not count. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

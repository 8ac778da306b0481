import { DEFAULT_DUST_STANDARDS, dustClassOf } from '@buqi/domain-condition';
import type { Asset } from '../domain/asset';
import type { AssetRequest } from './asset-requests';

/** The asset a request describes, with the defaults filled in; the domain then checks it. */
export function assetFromRequest(code: string, request: AssetRequest): Asset {
  const core = {
    code,
    name: request.name.trim(),
    siteId: code.split('-')[0],
    ...(request.zone !== undefined && { zone: request.zone }),
    ...(request.building !== undefined && { building: request.building }),
    location: { x: request.location.x, y: request.location.y },
    criticality: request.criticality,
    installedOn: request.installedOn,
    expectedLifeYears: request.expectedLifeYears,
    replacementCostFen: request.replacementCostFen,
    status: request.status ?? 'in-service',
    department: request.department,
  };
  switch (request.assetClass) {
    case 'road-segment': {
      const r = request.road;
      return {
        ...core,
        assetClass: 'road-segment',
        road: {
          lengthM: r.lengthM,
          widthM: r.widthM,
          areaM2: r.areaM2 ?? r.lengthM * r.widthM,
          pavement: r.pavement,
          roadClass: r.roadClass,
          conditionMethod: r.conditionMethod ?? 'cjj36',
          dustStandardGPerM2:
            r.dustStandardGPerM2 ?? DEFAULT_DUST_STANDARDS[dustClassOf(r.roadClass, 'carriageway')],
        },
      };
    }
    case 'restroom':
      return {
        ...core,
        assetClass: 'restroom',
        restroom: { ...request.restroom, fixtures: [...request.restroom.fixtures] },
      };
    case 'monitoring-device': {
      const d = request.device;
      return {
        ...core,
        assetClass: 'monitoring-device',
        device: {
          kind: d.kind,
          watches: 'assetId' in d.watches ? { assetId: d.watches.assetId } : { placeId: d.watches.placeId },
          reportingIntervalSeconds: d.reportingIntervalSeconds,
          power: d.power,
          link: d.link,
          ...(d.firmware !== undefined && { firmware: d.firmware }),
        },
      };
    }
  }
}

import { checkAsset, type Asset, type SiteFacts } from './asset';

const site: SiteFacts = {
  id: 'NY',
  plan: { widthM: 400, heightM: 300 },
  zones: ['A', 'B'],
  buildings: [{ code: 'B01', zone: 'A' }],
};

const core = {
  name: '南院主干道（东段）',
  siteId: 'NY',
  zone: 'A',
  location: { x: 120, y: 80 },
  criticality: 4,
  installedOn: '2009-06-01',
  expectedLifeYears: 15,
  replacementCostFen: 50_400_000,
  status: 'in-service' as const,
  department: 'general-affairs',
};

const road: Asset = {
  ...core,
  code: 'NY-RD-012',
  assetClass: 'road-segment',
  road: {
    lengthM: 120,
    widthM: 7,
    areaM2: 840,
    pavement: 'asphalt',
    roadClass: 'branch',
    conditionMethod: 'cjj36',
    dustStandardGPerM2: 8,
  },
};

const restroom: Asset = {
  ...core,
  code: 'NY-RR-003',
  assetClass: 'restroom',
  name: '人大办公楼三层男卫',
  building: 'B01',
  restroom: {
    floor: 3,
    fixtures: [
      { kind: 'squat-toilet', count: 4 },
      { kind: 'urinal', count: 3 },
    ],
    accessible: true,
    dailyFootfall: 300,
    restroomClass: 'class-1',
  },
};

const field = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return (e as { field?: string }).field;
  }
  return undefined;
};

describe('asset rules', () => {
  it('accept an asset of its site and class, on the plan, in its zone and building', () => {
    expect(checkAsset(road, site, '2026-03-02')).toBe(road);
    expect(checkAsset(restroom, site, '2026-03-02')).toBe(restroom);
  });

  it.each([
    ['code', { ...road, code: 'NB-RD-012' }],
    ['code', { ...road, code: 'NY-RR-012' }],
    ['code', { ...road, code: 'NY-12' }],
    ['location', { ...road, location: { x: 401, y: 10 } }],
    ['zone', { ...road, zone: 'C' }],
    ['building', { ...restroom, building: 'B09' }],
    ['zone', { ...restroom, zone: 'B' }],
    ['installedOn', { ...road, installedOn: '2027-01-01' }],
    ['criticality', { ...road, criticality: 6 }],
    ['road.areaM2', { ...road, road: { ...road.road, areaM2: 5000 } }],
    [
      'road.conditionMethod',
      { ...road, road: { ...road.road, pavement: 'block-paving', conditionMethod: 'astm-d6433' } },
    ],
    ['building', { ...restroom, building: undefined }],
    [
      'restroom.fixtures[1].kind',
      {
        ...restroom,
        restroom: {
          ...restroom.restroom,
          fixtures: [
            { kind: 'urinal', count: 1 },
            { kind: 'urinal', count: 2 },
          ],
        },
      },
    ],
    [
      'restroom.fixtures',
      { ...restroom, restroom: { ...restroom.restroom, fixtures: [{ kind: 'urinal', count: 0 }] } },
    ],
  ] as const)('refuse a bad %s, naming it', (name, asset) => {
    expect(field(() => checkAsset(asset as Asset, site, '2026-03-02'))).toBe(name);
  });
});

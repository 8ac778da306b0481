// A small campus for the slices' integration specs: site NY (机关南院), zone A, office building B01,
// and bodies for a road segment, a restroom in B01 and an odour sensor watching it.
import type { ServiceUnderTest } from './service-app';

export const CORE = {
  location: { x: 120, y: 80 },
  criticality: 4,
  installedOn: '2009-06-01',
  expectedLifeYears: 15,
  replacementCostFen: 50_400_000,
  department: 'general-affairs',
};

export function roadBody(code = 'NY-RD-012', over: Record<string, unknown> = {}) {
  return {
    code,
    name: '南院主干道（东段）',
    zone: 'A',
    ...CORE,
    road: { lengthM: 120, widthM: 7, pavement: 'asphalt', roadClass: 'arterial' },
    ...over,
  };
}

export function restroomBody(code = 'NY-RR-003', over: Record<string, unknown> = {}) {
  return {
    code,
    name: '人大办公楼三层男卫',
    zone: 'A',
    building: 'B01',
    ...CORE,
    restroom: {
      floor: 3,
      fixtures: [
        { kind: 'squat-toilet', count: 4 },
        { kind: 'urinal', count: 3 },
      ],
      accessible: true,
      dailyFootfall: 300,
      restroomClass: 'class-2',
    },
    ...over,
  };
}

export function deviceBody(
  code: string,
  watches: string,
  over: Record<string, unknown> = {},
  kind = 'nh3-sensor',
) {
  return {
    code,
    name: '三层男卫氨气传感器',
    building: 'B01',
    ...CORE,
    criticality: 3,
    device: {
      kind,
      watches: { assetId: watches },
      reportingIntervalSeconds: 60,
      power: 'battery',
      link: 'wireless',
    },
    ...over,
  };
}

/** Site NY (机关南院) with its zone A and office building B01, as their create requests. */
export const CAMPUS = {
  site: { id: 'NY', name: '机关南院', kind: 'government-compound', plan: { widthM: 400, heightM: 300 } },
  zone: {
    code: 'A',
    name: '主楼区',
    outline: [
      { x: 0, y: 0 },
      { x: 300, y: 0 },
      { x: 300, y: 200 },
      { x: 0, y: 200 },
    ],
  },
  building: {
    code: 'B01',
    name: '人大办公楼',
    kind: 'office',
    zone: 'A',
    location: { x: 100, y: 60 },
    floors: 6,
    importance: 5,
  },
};

/** Creates site NY with zone A and building B01 as an asset manager. */
export async function seedCampus(service: ServiceUnderTest, manager: string): Promise<void> {
  for (const [path, body] of [
    ['/sites', CAMPUS.site],
    ['/sites/NY/zones', CAMPUS.zone],
    ['/sites/NY/buildings', CAMPUS.building],
  ] as const)
    expect((await service.call('POST', path, { token: manager, body })).status).toBe(201);
}

/** Registers an asset of a class (`road-segments`, `restrooms`, `monitoring-devices`); the answer's body. */
export async function register(
  service: ServiceUnderTest,
  manager: string,
  collection: 'road-segments' | 'restrooms' | 'monitoring-devices',
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const created = await service.call('POST', `/${collection}`, { token: manager, body });
  expect(created.status).toBe(201);
  return created.body;
}

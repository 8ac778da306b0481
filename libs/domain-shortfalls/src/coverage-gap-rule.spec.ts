import fc from 'fast-check';
import { DomainValidationError } from '@buqi/domain-kernel';
import { findCoverageGaps, type InstalledDevice, type MonitoringRequirement, type Place } from './index';

const places: Place[] = [
  { id: 'rr-s-court-02', kind: 'restroom', name: '机关南院 2F restroom' },
  { id: 'rr-n-court-01', kind: 'restroom' },
  { id: 'rr-family-03', kind: 'restroom' },
  { id: 'jn-north-gate', kind: 'road-junction' },
  { id: 'zone-south-court', kind: 'zone' },
];
const devices: InstalledDevice[] = [
  { id: 'nh3-01', placeId: 'rr-s-court-02', kind: 'nh3-sensor', status: 'active' },
  { id: 'nh3-07', placeId: 'rr-family-03', kind: 'nh3-sensor', status: 'failed' },
  { id: 'nh3-02', placeId: 'rr-family-03', kind: 'nh3-sensor', status: 'retired' },
  { id: 'cam-09', placeId: 'jn-north-gate', kind: 'camera', status: 'failed' },
  { id: 'cam-10', placeId: 'elsewhere', kind: 'camera', status: 'active' },
];

describe('findCoverageGaps', () => {
  it('finds missing and failed monitoring (worked example)', () => {
    const gaps = findCoverageGaps({ places, devices });
    // rr-s-court-02 is covered; the zone has no requirement; cam-10 is at a place not listed
    expect(gaps.map((g) => [g.placeId, g.deviceKind, g.gap, g.severity])).toEqual([
      ['rr-n-court-01', 'nh3-sensor', 'missing', 'major'], // no working device → major
      ['rr-family-03', 'nh3-sensor', 'not-working', 'major'],
      ['jn-north-gate', 'camera', 'not-working', 'critical'], // major, one step worse: safety-critical
    ]);
    expect(gaps[1]).toMatchObject({
      kind: 'coverage-gap',
      required: 1,
      working: 0,
      notWorking: [
        { id: 'nh3-07', status: 'failed' },
        { id: 'nh3-02', status: 'retired' },
      ],
      safetyCritical: false,
    });
    expect(gaps[1].evidence).toEqual([
      'restroom rr-family-03 has 0 working nh3-sensor of 2 installed; not working: nh3-07 (failed), nh3-02 (retired)',
      'requirement: at least 1 working nh3-sensor per restroom (odour control)',
      'severity major: no working device (major)',
    ]);
    expect(gaps[0].evidence[0]).toBe('restroom rr-n-court-01 has no nh3-sensor');
  });

  it('counts degraded devices as monitoring and reports partial coverage', () => {
    const requirements: MonitoringRequirement[] = [
      {
        placeKind: 'building',
        deviceKind: 'smoke-detector',
        minCount: 2,
        safetyCritical: true,
        purpose: 'fire safety',
      },
    ];
    const building: Place[] = [{ id: 'bldg-government', kind: 'building', name: '政府办公楼' }];
    const one: InstalledDevice[] = [
      { id: 'sd-1', placeId: 'bldg-government', kind: 'smoke-detector', status: 'degraded' },
      { id: 'sd-2', placeId: 'bldg-government', kind: 'smoke-detector', status: 'failed' },
    ];
    // 1 of 2 working → moderate, one step worse for safety → major
    const [gap] = findCoverageGaps({ places: building, devices: one, requirements });
    expect(gap).toMatchObject({ gap: 'partial', working: 1, required: 2, severity: 'major' });
    expect(gap.evidence[0]).toBe(
      'building bldg-government (政府办公楼) has 1 working smoke-detector of 2 installed; not working: sd-2 (failed)',
    );
    const two = [
      ...one,
      { id: 'sd-3', placeId: 'bldg-government', kind: 'smoke-detector', status: 'active' } as const,
    ];
    expect(findCoverageGaps({ places: building, devices: two, requirements })).toEqual([]);
  });

  it('lists at most five non-working devices', () => {
    const dead = Array.from(
      { length: 7 },
      (_, n): InstalledDevice => ({
        id: `nh3-x${n}`,
        placeId: 'rr-n-court-01',
        kind: 'nh3-sensor',
        status: 'retired',
      }),
    );
    const [gap] = findCoverageGaps({ places: [places[1]], devices: dead });
    expect(gap.notWorking).toHaveLength(7);
    expect(gap.evidence[0]).toMatch(/nh3-x4 \(retired\), and 2 more$/);
  });

  it('keeps every evidence line within the event contract (500 characters)', () => {
    const long = (prefix: string) => prefix + 'x'.repeat(100 - prefix.length);
    const place: Place = { id: long('rr-'), kind: 'restroom', name: 'n'.repeat(200) };
    const dead = Array.from(
      { length: 6 },
      (_, n): InstalledDevice => ({
        id: long(`nh3-${n}-`),
        placeId: place.id,
        kind: 'nh3-sensor',
        status: 'failed',
      }),
    );
    const [gap] = findCoverageGaps({ places: [place], devices: dead });
    expect(gap.evidence[0]).toHaveLength(500);
    expect(gap.evidence[0].endsWith('…')).toBe(true);
  });

  it('finds nothing without places or requirements', () => {
    expect(findCoverageGaps({ places: [], devices })).toEqual([]);
    expect(findCoverageGaps({ places, devices, requirements: [] })).toEqual([]);
  });

  it.each([
    [{ places: [places[0], places[0]], devices }, 'places[1].id must be unique among the places'],
    [{ places: [{ id: 'x', kind: 'car-park' }], devices }, 'places[0].kind must be one of site, zone'],
    [
      { places, devices: [devices[0], { ...devices[1], status: 'lost' }] },
      'devices[1].status must be one of active',
    ],
    [{ places, devices: [devices[0], devices[0]] }, 'devices[1].id must be unique among the devices'],
    [{ places, devices: 'none' }, 'devices must be an array (got "none")'],
    [
      {
        places,
        devices,
        requirements: [
          {
            placeKind: 'restroom',
            deviceKind: 'nh3-sensor',
            minCount: 0,
            safetyCritical: false,
            purpose: 'x',
          },
        ],
      },
      'requirements[0].minCount must be at least 1 (got 0)',
    ],
    [
      {
        places,
        devices,
        requirements: [
          {
            placeKind: 'restroom',
            deviceKind: 'nh3-sensor',
            minCount: 1,
            safetyCritical: 'yes',
            purpose: 'x',
          },
        ],
      },
      'requirements[0].safetyCritical must be true or false (got "yes")',
    ],
  ])('refuses bad input, naming the field (%#)', (input, message) => {
    const call = () => findCoverageGaps(input as never);
    expect(call).toThrow(DomainValidationError);
    expect(call).toThrow(message);
  });

  it('adding a working device never adds a gap', () => {
    const kinds = ['nh3-sensor', 'camera', 'smoke-detector'] as const;
    const statuses = ['active', 'degraded', 'failed', 'retired'] as const;
    const placeIds = places.map((p) => p.id);
    const device = fc.record({
      placeId: fc.constantFrom(...placeIds),
      kind: fc.constantFrom(...kinds),
      status: fc.constantFrom(...statuses),
    });
    fc.assert(
      fc.property(fc.array(device, { maxLength: 12 }), device, (some, extra) => {
        const fleet = some.map((d, n) => ({ ...d, id: `d${n}` }));
        const before = findCoverageGaps({ places, devices: fleet });
        const after = findCoverageGaps({
          places,
          devices: [...fleet, { ...extra, id: 'extra', status: 'active' }],
        });
        expect(after.length).toBeLessThanOrEqual(before.length);
      }),
    );
  });
});

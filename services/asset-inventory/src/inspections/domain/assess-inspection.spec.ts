import type { Asset } from '../../assets/domain/asset';
import { refusal } from './__fixtures__/refusal';
import { assessInspection, inspectionTime, replacesLatest } from './assess-inspection';

const core = {
  name: 'x',
  siteId: 'NY',
  location: { x: 1, y: 1 },
  criticality: 3,
  installedOn: '2020-01-01',
  expectedLifeYears: 15,
  replacementCostFen: 1,
  status: 'in-service' as const,
  department: 'general-affairs',
};
const road: Asset = {
  ...core,
  code: 'NY-RD-001',
  assetClass: 'road-segment',
  road: {
    lengthM: 10,
    widthM: 10,
    areaM2: 100,
    pavement: 'asphalt',
    roadClass: 'branch',
    conditionMethod: 'cjj36',
    dustStandardGPerM2: 8,
  },
};
const device: Asset = {
  ...core,
  code: 'NY-DV-001',
  assetClass: 'monitoring-device',
  device: {
    kind: 'nh3-sensor',
    watches: { placeId: 'NY' },
    reportingIntervalSeconds: 300,
    power: 'mains',
    link: 'wired',
  },
};

describe('assessInspection', () => {
  it('takes the parts of the asset’s class only', () => {
    const restroomPart = refusal(() =>
      assessInspection(road, {
        pavement: { distresses: [] },
        restroom: {} as never,
      }),
    );
    expect(restroomPart.field).toBe('restroom');
    expect(refusal(() => assessInspection(road, {})).field).toBe('pavement');
    expect(refusal(() => assessInspection(device, { dust: { samples: [] } })).field).toBe('dust');
    expect(refusal(() => assessInspection(device, {})).reason).toContain('telemetry');
  });

  it('assesses a road’s pavement, a perfect one at 100', () => {
    expect(assessInspection(road, { pavement: { distresses: [] } }).condition).toMatchObject({
      index: 100,
      grade: { code: 'A' },
      action: 'routine',
    });
  });

  it('records a device’s calibration without a condition', () => {
    expect(assessInspection(device, { calibration: { certificate: 'JJG-0113' } })).toEqual({
      calibration: { certificate: 'JJG-0113' },
    });
  });
});

describe('inspectionTime', () => {
  const now = new Date('2026-03-02T09:15:00Z');

  it('is now by default, or the time given', () => {
    expect(inspectionTime(undefined, now, '2020-01-01')).toEqual(now);
    const earlier = new Date('2025-11-30T08:00:00Z');
    expect(inspectionTime(earlier, now, '2020-01-01')).toEqual(earlier);
  });

  it('is never in the future, nor before the asset was installed', () => {
    expect(refusal(() => inspectionTime(new Date(now.getTime() + 1), now, '2020-01-01')).field).toBe(
      'inspectedAt',
    );
    expect(
      refusal(() => inspectionTime(new Date('2019-12-31T23:59:59Z'), now, '2020-01-01')).reason,
    ).toContain('installed');
    expect(refusal(() => inspectionTime(new Date('x'), now, '2020-01-01')).field).toBe('inspectedAt');
  });
});

describe('replacesLatest', () => {
  const latest = { assessedAt: new Date('2026-01-10T00:00:00Z') };
  it('is true only for a later assessment', () => {
    expect(replacesLatest(new Date('2026-01-11T00:00:00Z'), latest)).toBe(true);
    expect(replacesLatest(new Date('2026-01-10T00:00:00Z'), latest)).toBe(false);
    expect(replacesLatest(new Date('2025-12-01T00:00:00Z'), latest)).toBe(false);
    expect(replacesLatest(new Date('2000-01-01T00:00:00Z'), undefined)).toBe(true);
  });
});

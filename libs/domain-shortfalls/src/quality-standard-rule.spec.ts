import fc from 'fast-check';
import { DomainValidationError } from '@buqi/domain-kernel';
import {
  checkConditionIndex,
  checkQualityStandard,
  CONDITION_STANDARDS,
  DUST_LOAD_STANDARD,
  SEVERITIES,
  type QualityStandard,
} from './index';

describe('checkConditionIndex', () => {
  it('reports a road below PCI 70 with the band of its miss (worked example)', () => {
    // 70 − 38 = 32 short; bands 10 / 25 / 40 → 25 < 32 ≤ 40 → major
    const [finding, ...rest] = checkConditionIndex({
      assetClass: 'road-segment',
      conditionIndex: 38,
      source: 'inspection insp-2041',
    });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      kind: 'below-quality-standard',
      severity: 'major',
      standardId: 'road-segment.pci',
      value: 38,
      limit: 70,
      missBy: 32,
      conditionIndex: 38,
    });
    expect(finding.evidence).toEqual([
      'PCI 38 below the road-segment standard of at least 70, by 32 (inspection insp-2041)',
      'severity major: a miss of 32 is over 25 and at most 40',
    ]);
  });

  it.each([
    [70, undefined], // at the standard passes
    [100, undefined],
    [60, 'minor'], // 10 short: upper edge of the first band
    [59, 'moderate'], // 11
    [45, 'moderate'], // 25
    [30, 'major'], // 40
    [29, 'critical'], // 41, beyond the last band
    [0, 'critical'],
  ])('PCI %d gives %s', (pci, severity) => {
    const findings = checkConditionIndex({ assetClass: 'road-segment', conditionIndex: pci });
    expect(findings.map((f) => f.severity)).toEqual(severity === undefined ? [] : [severity]);
  });

  it('uses each class its own standard', () => {
    // restroom standard 75: 75 − 68 = 7 → minor
    expect(checkConditionIndex({ assetClass: 'restroom', conditionIndex: 68 })[0]).toMatchObject({
      severity: 'minor',
      missBy: 7,
      measure: 'restroom condition index',
    });
    // device health standard 80: 80 − 50 = 30 → major
    expect(checkConditionIndex({ assetClass: 'monitoring-device', conditionIndex: 50 })[0].severity).toBe(
      'major',
    );
  });

  it('takes standards as data', () => {
    const strict = {
      ...CONDITION_STANDARDS,
      'road-segment': { ...CONDITION_STANDARDS['road-segment'], limit: 85 },
    };
    // 85 − 80 = 5 → minor
    expect(checkConditionIndex({ assetClass: 'road-segment', conditionIndex: 80 }, strict)[0].missBy).toBe(5);
  });

  it('never grows milder as the index falls', () => {
    const rank = (pci: number) => {
      const [f] = checkConditionIndex({ assetClass: 'road-segment', conditionIndex: pci });
      return f === undefined ? -1 : SEVERITIES.indexOf(f.severity);
    };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b) => {
          const [worse, better] = a <= b ? [a, b] : [b, a];
          expect(rank(worse)).toBeGreaterThanOrEqual(rank(better));
        },
      ),
    );
  });

  it.each([
    [{ assetClass: 'road-segment', conditionIndex: 101 }, 'conditionIndex must be at most 100 (got 101)'],
    [
      { assetClass: 'road-segment', conditionIndex: Number.NaN },
      'conditionIndex must be a finite number (got NaN)',
    ],
    [
      { assetClass: 'bridge', conditionIndex: 50 },
      'assetClass must be one of road-segment, restroom, monitoring-device',
    ],
    [{ assetClass: 'restroom', conditionIndex: 50, source: '' }, 'source must be a non-empty string'],
  ])('refuses bad input, naming the field (%#)', (input, message) => {
    const call = () => checkConditionIndex(input as never);
    expect(call).toThrow(DomainValidationError);
    expect(call).toThrow(message);
  });

  it('refuses a standard table whose entry is for another class', () => {
    const wrong = { ...CONDITION_STANDARDS, restroom: CONDITION_STANDARDS['road-segment'] };
    expect(() => checkConditionIndex({ assetClass: 'restroom', conditionIndex: 50 }, wrong)).toThrow(
      'standards.restroom.assetClass must be restroom (got "road-segment")',
    );
  });
});

describe('checkQualityStandard (dust load, 以克论净)', () => {
  it('reports dust above 5 g/m² (worked example)', () => {
    // 7.5 − 5 = 2.5 g/m² over; bands 1 / 3 / 5 → 1 < 2.5 ≤ 3 → moderate
    const [finding] = checkQualityStandard({
      value: 7.5,
      standard: DUST_LOAD_STANDARD,
      source: 'sample ds-0302-07',
    });
    expect(finding).toMatchObject({ severity: 'moderate', missBy: 2.5, direction: 'at-most' });
    expect(finding).not.toHaveProperty('conditionIndex');
    expect(finding.evidence[0]).toBe(
      'dust load 7.5 g/m² above the road-segment standard of at most 5 g/m², by 2.5 g/m² (sample ds-0302-07)',
    );
  });

  it.each([
    [0, undefined],
    [5, undefined],
    [5.8, 'minor'], // 0.8 over
    [9, 'major'], // 4 over
    [12, 'critical'], // 7 over, beyond the last band (5)
  ])('%d g/m² gives %s', (value, severity) => {
    const findings = checkQualityStandard({ value, standard: DUST_LOAD_STANDARD });
    expect(findings.map((f) => f.severity)).toEqual(severity === undefined ? [] : [severity]);
  });

  it('refuses a negative load and malformed standards, naming the path', () => {
    expect(() => checkQualityStandard({ value: -1, standard: DUST_LOAD_STANDARD })).toThrow(
      'value must be at least 0 (got -1)',
    );
    const unordered: QualityStandard = {
      ...DUST_LOAD_STANDARD,
      bands: [
        { upTo: 3, severity: 'minor' },
        { upTo: 2, severity: 'major' },
      ],
    };
    expect(() => checkQualityStandard({ value: 6, standard: unordered })).toThrow(
      'standard.bands[1].upTo must be greater than 3 (got 2)',
    );
    const milder: QualityStandard = {
      ...DUST_LOAD_STANDARD,
      bands: [
        { upTo: 1, severity: 'major' },
        { upTo: 2, severity: 'minor' },
      ],
    };
    expect(() => checkQualityStandard({ value: 6, standard: milder })).toThrow('standard.bands[1].severity');
    expect(() => checkQualityStandard({ value: 6, standard: { ...DUST_LOAD_STANDARD, bands: [] } })).toThrow(
      'standard.bands must have at least 1 item(s)',
    );
    expect(() => checkQualityStandard(null as never)).toThrow('input must be an object (got null)');
  });
});

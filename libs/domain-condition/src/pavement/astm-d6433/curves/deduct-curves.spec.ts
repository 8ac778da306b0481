import { SEVERITIES, type Severity } from '../../pavement-types';
import {
  ASTM_D6433_ASPHALT_DISTRESSES,
  ASTM_D6433_CONCRETE_DISTRESSES,
  JOINT_SEAL_DAMAGE,
} from '../distress-catalogue';
import { ASTM_D6433_ASPHALT_DEDUCT_CURVES } from './asphalt-deduct-curves';
import { ASTM_D6433_CONCRETE_DEDUCT_CURVES } from './concrete-deduct-curves';
import {
  ASTM_D6433_ASPHALT_CDV_CURVES,
  ASTM_D6433_CONCRETE_CDV_CURVES,
  type CdvCurveSet,
} from './corrected-deduct-curves';
import type { DeductRowKey } from './deduct-curve';
import { readDeduct } from './deduct-lookup';
import { interpolateLinear } from '../../../shared/interpolate';
import { correctedDeduct } from '../corrected-deduct';

const charts = [
  ...ASTM_D6433_ASPHALT_DISTRESSES.map((spec) => ({
    spec,
    chart: ASTM_D6433_ASPHALT_DEDUCT_CURVES[spec.type],
  })),
  ...ASTM_D6433_CONCRETE_DISTRESSES.filter((s) => s.type !== JOINT_SEAL_DAMAGE).map((spec) => ({
    spec,
    chart: ASTM_D6433_CONCRETE_DEDUCT_CURVES[spec.type],
  })),
];
/** A fresh array: the catalogue's severities are shared constants and must not be sorted in place. */
const keysOf = (severities: readonly Severity[]): DeductRowKey[] =>
  severities.length === 0 ? ['all'] : [...severities];

describe('deduct charts', () => {
  it('cover every distress type and severity of the catalogue, and nothing else', () => {
    expect(Object.keys(ASTM_D6433_ASPHALT_DEDUCT_CURVES).sort()).toEqual(
      ASTM_D6433_ASPHALT_DISTRESSES.map((s) => s.type).sort(),
    );
    expect(Object.keys(ASTM_D6433_CONCRETE_DEDUCT_CURVES).sort()).toEqual(
      ASTM_D6433_CONCRETE_DISTRESSES.map((s) => s.type)
        .filter((t) => t !== JOINT_SEAL_DAMAGE)
        .sort(),
    );
    for (const { spec, chart } of charts)
      expect(Object.keys(chart.rows).sort()).toEqual(keysOf(spec.severities).sort());
  });

  it.each(charts.map(({ spec, chart }) => [spec.type, spec.number, chart] as const))(
    '%s (%i): densities rise, one value per density, read on the axis of its pavement',
    (_type, number, chart) => {
      expect(chart.axis).toBe(number <= 20 ? 'log' : 'linear');
      chart.densities.forEach((x, i) => i > 0 && expect(x).toBeGreaterThan(chart.densities[i - 1]));
      for (const row of Object.values(chart.rows)) expect(row).toHaveLength(chart.densities.length);
    },
  );

  it.each(charts.map(({ spec, chart }) => [spec.type, spec.number, spec.severities, chart] as const))(
    '%s (%i): as read, the deduct never falls with density, and low ≤ medium ≤ high, up to 100',
    (_type, _number, severities, chart) => {
      const last = chart.densities[chart.densities.length - 1];
      const grid = Array.from({ length: 241 }, (_, i) => (last * i) / 200); // runs past the chart's end
      for (const key of keysOf(severities)) {
        let previous = 0;
        for (const x of grid) {
          const { deductValue } = readDeduct(chart, key, x);
          expect(deductValue).toBeGreaterThanOrEqual(previous);
          expect(deductValue).toBeLessThanOrEqual(100);
          previous = deductValue;
        }
      }
      if (severities.length === 3)
        for (const x of grid) {
          const [l, m, h] = SEVERITIES.map((s) => readDeduct(chart, s, x).deductValue);
          expect(l).toBeLessThanOrEqual(m);
          expect(m).toBeLessThanOrEqual(h);
        }
    },
  );

  it('levels a dip with a running maximum instead of letting the deduct fall', () => {
    // Bleeding low was read as 0.6, 0.1, 0.1, 0.7 at 0.1, 0.2, 0.4, 1 %: held at 0.6 until it passes it.
    const bleeding = ASTM_D6433_ASPHALT_DEDUCT_CURVES['bleeding'];
    expect(readDeduct(bleeding, 'low', 0.3).deductValue).toBeCloseTo(0.6, 12);
    // Between (0.4 %, 0.6 levelled) and (1 %, 0.7) on the log axis: 0.6 + 0.1 × ln(0.7/0.4)/ln(1/0.4)
    expect(readDeduct(bleeding, 'low', 0.7).deductValue).toBeCloseTo(
      0.6 + (0.1 * Math.log(1.75)) / Math.log(2.5),
      12,
    );
  });

  it('reads between points on a log axis (asphalt) and a linear one (concrete)', () => {
    // Alligator medium (2 %, 27.9), (4 %, 35.3): at 3 %, 27.9 + 7.4 × ln(1.5)/ln(2) = 27.9 + 4.3287 = 32.2287
    expect(
      readDeduct(ASTM_D6433_ASPHALT_DEDUCT_CURVES['alligator-cracking'], 'medium', 3).deductValue,
    ).toBeCloseTo(32.2287, 4);
    // Corner break low (10 %, 8.7), (20 %, 17): at 15 %, halfway: 12.85
    expect(readDeduct(ASTM_D6433_CONCRETE_DEDUCT_CURVES['corner-break'], 'low', 15).deductValue).toBeCloseTo(
      12.85,
      12,
    );
  });

  it('runs straight to zero below a log chart’s first point and stays flat past the last', () => {
    // Alligator low starts at (0.1 %, 3.7): half that density deducts half as much.
    const alligator = ASTM_D6433_ASPHALT_DEDUCT_CURVES['alligator-cracking'];
    expect(readDeduct(alligator, 'low', 0.05).deductValue).toBeCloseTo(1.85, 12);
    expect(readDeduct(alligator, 'low', 0).deductValue).toBe(0);
    // Longitudinal/transverse cracking high ends at (30 %, 86.9): more cracking keeps that value.
    expect(
      readDeduct(ASTM_D6433_ASPHALT_DEDUCT_CURVES['longitudinal-transverse-cracking'], 'high', 250)
        .deductValue,
    ).toBe(86.9);
  });

  it('caps a deduct drawn above 100 at 100, and reports the chart’s value beside it', () => {
    // Potholes medium reaches 111.9 at 2 per 100 ft²; blowups high 120.2 at 100 % of the slabs.
    expect(readDeduct(ASTM_D6433_ASPHALT_DEDUCT_CURVES['potholes'], 'medium', 2)).toEqual({
      chartDeduct: 111.9,
      deductValue: 100,
    });
    expect(readDeduct(ASTM_D6433_CONCRETE_DEDUCT_CURVES['blowup-buckling'], 'high', 100)).toEqual({
      chartDeduct: 120.2,
      deductValue: 100,
    });
  });
});

describe('corrected deduct charts', () => {
  const tdvs = Array.from({ length: 61 }, (_, i) => i * 4);
  const rising = (set: CdvCurveSet) =>
    set.curves.forEach((curve, index) => {
      let previous = -1;
      for (const tdv of tdvs) {
        const cdv = correctedDeduct(set, index + 1, tdv);
        expect(cdv).toBeGreaterThanOrEqual(previous);
        expect(cdv).toBeLessThanOrEqual(Math.min(tdv, 100));
        if (index > 0) expect(cdv).toBeLessThanOrEqual(correctedDeduct(set, index, tdv));
        previous = cdv;
      }
      expect(curve[0]).toEqual([0, 0]);
    });

  it('asphalt: rise with the total, never exceed it or 100, and fall as q grows', () =>
    rising(ASTM_D6433_ASPHALT_CDV_CURVES));
  it('jointed concrete: likewise', () => rising(ASTM_D6433_CONCRETE_CDV_CURVES));

  it('q = 1 is the total itself, up to 100', () => {
    expect(correctedDeduct(ASTM_D6433_ASPHALT_CDV_CURVES, 1, 48.5)).toBe(48.5);
    expect(correctedDeduct(ASTM_D6433_CONCRETE_CDV_CURVES, 1, 140)).toBe(100);
  });

  it('reads asphalt q ≥ 7 on the q = 7 curve and concrete q ≥ 9 on the q = 9 curve', () => {
    expect(correctedDeduct(ASTM_D6433_ASPHALT_CDV_CURVES, 10, 140)).toBe(67.4);
    expect(correctedDeduct(ASTM_D6433_CONCRETE_CDV_CURVES, 10, 140)).toBe(62.8);
  });

  it('runs straight to (0, 0) below TDV 30, where the digitisation starts', () => {
    // asphalt q = 2 starts at (30, 21.9): at 15, 10.95
    expect(correctedDeduct(ASTM_D6433_ASPHALT_CDV_CURVES, 2, 15)).toBeCloseTo(10.95, 12);
  });

  it('reads the concrete q the chart does not draw between the ones it does', () => {
    // At TDV 100: q4 56.9, q6 51.3, q9 44.1.
    // q5 = (56.9 + 51.3)/2 = 54.1; q7 = 51.3 + (44.1 − 51.3)/3 = 48.9; q8 = 51.3 + 2(44.1 − 51.3)/3 = 46.5
    expect(interpolateLinear(ASTM_D6433_CONCRETE_CDV_CURVES.curves[4], 100)).toBeCloseTo(54.1, 10);
    expect(interpolateLinear(ASTM_D6433_CONCRETE_CDV_CURVES.curves[6], 100)).toBeCloseTo(48.9, 10);
    expect(interpolateLinear(ASTM_D6433_CONCRETE_CDV_CURVES.curves[7], 100)).toBeCloseTo(46.5, 10);
  });
});

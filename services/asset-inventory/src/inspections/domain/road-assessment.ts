import {
  dustClassOf,
  dustLoad,
  pavementCondition,
  type AstmD6433Factors,
  type Cjj36Factors,
  type Jtg5210Factors,
  type PavementConditionResult,
} from '@buqi/domain-condition';
import { DomainValidationError } from '@buqi/domain-kernel';
import type { RoadSegmentAttributes } from '../../assets/domain/asset';
import type { Assessment, Damage, DustFinding, DustSheet, PavementSheet } from './inspection';
import { within } from './within';

/**
 * A road segment's inspection: its pavement by the segment's own method, pavement type and road
 * class (the inspected area defaulting to the segment's), and the dust load of its carriageway
 * against the segment's limit. Either part may be left out; block paving has only the dust part.
 */
export function assessRoad(
  code: string,
  road: RoadSegmentAttributes,
  sheet: { pavement?: PavementSheet; dust?: DustSheet },
): Assessment {
  const pavement = sheet.pavement && assessPavement(code, road, sheet.pavement);
  const dust = sheet.dust && assessDust(road, sheet.dust);
  return {
    ...(pavement && {
      condition: {
        index: pavement.index,
        grade: pavement.grade,
        action: pavement.action,
        method: pavement.method,
        factors: pavement.factors,
      },
      damage: damageOf(pavement),
    }),
    ...(dust && { dust }),
  };
}

function assessPavement(code: string, road: RoadSegmentAttributes, sheet: PavementSheet) {
  if (road.pavement === 'block-paving')
    throw new DomainValidationError(
      'pavement',
      sheet,
      `${code} is block paving, which no pavement condition method assesses: record its dust load only`,
    );
  const areaM2 = sheet.areaM2 ?? road.areaM2;
  if (areaM2 > road.areaM2 * (1 + 1e-9))
    throw new DomainValidationError(
      'pavement.areaM2',
      areaM2,
      `is more than the ${road.areaM2} m² of segment ${code}`,
    );
  return within('pavement', () =>
    pavementCondition({
      method: road.conditionMethod,
      pavement: road.pavement as Exclude<typeof road.pavement, 'block-paving'>,
      roadClass: road.roadClass,
      areaM2,
      ...(sheet.slabs !== undefined && { slabs: sheet.slabs }),
      distresses: sheet.distresses,
    }),
  );
}

function assessDust(road: RoadSegmentAttributes, sheet: DustSheet): DustFinding {
  // The segment's own limit applies to its carriageway, whatever the default for its class.
  const dustClass = dustClassOf(road.roadClass, 'carriageway');
  const result = within('dust', () =>
    dustLoad({ dustClass, samples: sheet.samples, standards: { [dustClass]: road.dustStandardGPerM2 } }),
  );
  return {
    loadGPerM2: result.loadGPerM2,
    standardGPerM2: result.standard,
    passes: result.passes,
    margin: result.margin,
    factors: result.factors,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The damaged quantity a remedy is costed by, read from the method's factors: the damaged area (a
 * length counted at the method's width) under CJJ 36 and JTG 5210; under ASTM D6433 the area of the
 * distresses recorded as areas (lengths and counts have no area there), or, on jointed concrete, the
 * distressed slabs added up over the types, at most the sample unit's (a slab showing two types is
 * counted twice below that cap).
 */
export function damageOf(result: PavementConditionResult): Damage {
  // Each method's factors have the shape its model documents; the method says which.
  switch (result.method) {
    case 'cjj36':
    case 'jtg5210': {
      const { items } = result.factors as unknown as Cjj36Factors | Jtg5210Factors;
      return { quantity: round2(sum(items.map((i) => i.damagedAreaM2))), unit: 'm2' };
    }
    case 'astm-d6433': {
      const { deducts, sampleUnit } = result.factors as unknown as AstmD6433Factors;
      if (sampleUnit.slabs !== null)
        return { quantity: Math.min(sampleUnit.slabs, sum(deducts.map((d) => d.quantity))), unit: 'slabs' };
      return {
        quantity: round2(sum(deducts.filter((d) => d.unit === 'm2').map((d) => d.quantity))),
        unit: 'm2',
      };
    }
  }
}

const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);

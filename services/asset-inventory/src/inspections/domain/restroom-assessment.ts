import {
  restroomCondition,
  restroomHygiene,
  restroomStandardsForClass,
  type FixtureCount,
} from '@buqi/domain-condition';
import { DomainValidationError } from '@buqi/domain-kernel';
import type { RestroomAttributes } from '../../assets/domain/asset';
import { RESTROOM_METHOD, type Assessment, type RestroomSheet } from './inspection';
import { within } from './within';

/**
 * A restroom's inspection, scored with the odour thresholds of its class (GB/T 17217 via
 * restroomStandardsForClass), its hygiene measurement, when taken, checked against the class's limits.
 * A fixture kind must be one the restroom has; its total defaults to the count registered.
 */
export function assessRestroom(code: string, restroom: RestroomAttributes, sheet: RestroomSheet): Assessment {
  const registered = new Map(restroom.fixtures.map((f) => [f.kind, f.count]));
  const fixtures: FixtureCount[] = sheet.fixtures.map((f, i) => {
    const count = registered.get(f.kind);
    if (count === undefined)
      throw new DomainValidationError(
        `restroom.fixtures[${i}].kind`,
        f.kind,
        `is not a fixture of restroom ${code} (it has ${[...registered.keys()].join(', ')})`,
      );
    return { kind: f.kind, working: f.working, total: f.total ?? count };
  });
  const result = within('restroom', () =>
    restroomCondition(
      {
        fixtures,
        odour: sheet.odour,
        cleanliness: sheet.cleanliness,
        leaks: sheet.leaks,
        ventilation: sheet.ventilation,
      },
      restroomStandardsForClass(restroom.restroomClass),
    ),
  );
  const hygiene =
    sheet.hygiene &&
    within('restroom.hygiene', () => restroomHygiene(sheet.hygiene ?? {}, restroom.restroomClass), [
      'measurement',
    ]);
  return {
    condition: { index: result.index, method: RESTROOM_METHOD, factors: result.factors },
    damage: { quantity: fixtures.reduce((n, f) => n + (f.total - f.working), 0), unit: 'fixtures' },
    ...(hygiene && { hygiene }),
  };
}

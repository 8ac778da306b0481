import { bool, DomainValidationError, finite, oneOf, record, text, validDate } from '@buqi/domain-kernel';
import { BASE_FACTOR, num, scored, type Scored } from './factor';
import { importanceOf, PLACE_IMPORTANCE, type PlaceImportance } from './place-importance';

export const ASSET_CLASSES = ['road-segment', 'restroom', 'monitoring-device'] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

/** What a failure of the class costs in itself: roads carry people and cars, a device only watches. */
export const ASSET_CLASS_WEIGHT: Readonly<Record<AssetClass, number>> = {
  'road-segment': 0.5,
  restroom: 0.4,
  'monitoring-device': 0.3,
};
export const SAFETY_WEIGHT = 1;
/** log10(1 + 9 999) = 4: about everyone on the campus in a day counts fully. */
export const FULL_FOOTFALL_LOG10 = 4;
/** 遗留问题: the age share grows for half a year, then stays at its full 0.5. */
export const AGE_CAP_DAYS = 180;
export const AGE_WEIGHT = 0.5;

export interface ConsequenceInput {
  readonly assetClass: AssetClass;
  readonly safetyCritical: boolean;
  readonly footfallPerDay: number;
  /** A place in the importance table. */
  readonly placeId: string;
  /** When the shortfall was first detected. */
  readonly openedAt: Date;
  readonly now: Date;
}

const DAY_MS = 86_400_000;

/**
 * Consequence on a 1–5 scale: C = 1 + class weight (0.3–0.5) + safety (1 if safety-critical)
 * + footfall min(1, log10(1 + people/day) / 4) + place importance (0–1) + age 0.5 × min(days, 180) / 180.
 */
export function assessConsequence(
  input: ConsequenceInput,
  placeImportance: readonly PlaceImportance[] = PLACE_IMPORTANCE,
): Scored {
  const i = record('input', input);
  const assetClass = oneOf('assetClass', i['assetClass'], ASSET_CLASSES);
  const safetyCritical = bool('safetyCritical', i['safetyCritical']);
  const footfall = finite('footfallPerDay', i['footfallPerDay'], { min: 0 });
  const place = importanceOf(text('placeId', i['placeId'], 100), placeImportance, 'placeImportance');
  const now = validDate('now', i['now']);
  const openedAt = validDate('openedAt', i['openedAt']);
  if (openedAt.getTime() > now.getTime()) {
    throw new DomainValidationError(
      'openedAt',
      openedAt.toISOString(),
      `must not be after now (${now.toISOString()})`,
    );
  }
  const ageDays = (now.getTime() - openedAt.getTime()) / DAY_MS;
  const footfallShare = Math.min(1, Math.log10(1 + footfall) / FULL_FOOTFALL_LOG10);
  const ageShare = (AGE_WEIGHT * Math.min(ageDays, AGE_CAP_DAYS)) / AGE_CAP_DAYS;
  return scored([
    BASE_FACTOR,
    {
      name: 'asset class',
      input: assetClass,
      contribution: ASSET_CLASS_WEIGHT[assetClass],
      note: 'class weight',
    },
    {
      name: 'safety-critical',
      input: safetyCritical,
      contribution: safetyCritical ? SAFETY_WEIGHT : 0,
      note: safetyCritical ? 'a failure can hurt someone' : 'not safety-critical',
    },
    {
      name: 'footfall',
      input: footfall,
      contribution: footfallShare,
      note: `min(1, log10(1 + ${num(footfall)}) / 4) = ${num(footfallShare)}`,
    },
    {
      name: 'place importance',
      input: place.placeId,
      contribution: place.weight,
      note: `${place.name}: ${place.weight}`,
    },
    {
      name: 'shortfall age',
      input: ageDays,
      contribution: ageShare,
      note: `0.5 × min(${num(ageDays)}, 180) / 180 days${ageDays >= AGE_CAP_DAYS ? ' (full from 180 days on)' : ''}`,
    },
  ]);
}

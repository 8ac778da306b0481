/** Asphalt distresses supported, named after ASTM D6433's list (its distress numbers in comments). */
export const DISTRESS_TYPES = [
  'alligator-cracking', // 1
  'bleeding', // 2
  'block-cracking', // 3
  'depression', // 6
  'longitudinal-transverse-cracking', // 10
  'patching', // 11
  'potholes', // 13
  'rutting', // 15
  'raveling', // 19
] as const;
export type DistressType = (typeof DISTRESS_TYPES)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** How each distress is measured: area in m², length in m, or a count (potholes). */
export type DistressUnit = 'm2' | 'm' | 'count';

export const DISTRESS_UNITS: Readonly<Record<DistressType, DistressUnit>> = {
  'alligator-cracking': 'm2',
  bleeding: 'm2',
  'block-cracking': 'm2',
  depression: 'm2',
  'longitudinal-transverse-cracking': 'm',
  patching: 'm2',
  potholes: 'count',
  rutting: 'm2',
  raveling: 'm2',
};

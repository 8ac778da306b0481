import type { MaintenanceAction, PavementGrade, SourceNote } from '../pavement-types';
import { SOURCES } from './sources';

/** The D6433 rating scale, best first; the Chinese names are translations. */
export const ASTM_D6433_GRADES: readonly PavementGrade[] = [
  { code: 'good', name: { zh: '好', en: 'good' } },
  { code: 'satisfactory', name: { zh: '较好', en: 'satisfactory' } },
  { code: 'fair', name: { zh: '一般', en: 'fair' } },
  { code: 'poor', name: { zh: '较差', en: 'poor' } },
  { code: 'very-poor', name: { zh: '差', en: 'very poor' } },
  { code: 'serious', name: { zh: '严重', en: 'serious' } },
  { code: 'failed', name: { zh: '失效', en: 'failed' } },
];

/** Lowest whole-number PCI of each grade, in the order of `ASTM_D6433_GRADES`. */
export const ASTM_D6433_GRADE_FLOORS: readonly number[] = [86, 71, 56, 41, 26, 11, 0];
export const ASTM_D6433_GRADE_SOURCE: SourceNote = SOURCES.gradeBands;

/** D6433 reports the PCI as a whole number, so the grade is read from the PCI rounded to one. */
export function astmGrade(index: number): PavementGrade {
  const whole = Math.round(index);
  const i = ASTM_D6433_GRADE_FLOORS.findIndex((floor) => whole >= floor);
  return ASTM_D6433_GRADES[i === -1 ? ASTM_D6433_GRADES.length - 1 : i];
}

/**
 * Default action per grade. D6433 rates condition only and prescribes no treatment; this map is
 * Buqi's default, to be replaced by the bureau's own policy (`options.actions`).
 */
export const ASTM_D6433_ACTIONS: Readonly<Record<string, MaintenanceAction>> = {
  good: 'routine',
  satisfactory: 'minor-repair',
  fair: 'medium-repair',
  poor: 'major-repair',
  'very-poor': 'reconstruction',
  serious: 'reconstruction',
  failed: 'reconstruction',
};

export const ASTM_D6433_ACTIONS_SOURCE: SourceNote = {
  status: 'unverified-default',
  ref: 'D6433 prescribes no treatment per rating; good → routine … very poor, serious, failed → reconstruction is Buqi’s default',
};

import { array, DomainValidationError, finite, oneOf, record, text } from '@buqi/domain-kernel';
import {
  ASSET_CLASSES,
  evidenceLines,
  SEVERITIES,
  type AssetClass,
  type Finding,
  type Severity,
} from './finding';
import { num } from './format';
import { at } from './input';
import { CONDITION_STANDARDS, type QualityStandard } from './quality-standards';

export interface BelowQualityStandardFinding extends Finding<'below-quality-standard'> {
  readonly standardId: string;
  readonly assetClass: AssetClass;
  readonly measure: string;
  readonly value: number;
  readonly limit: number;
  readonly direction: 'at-least' | 'at-most';
  /** How far the value misses the limit, in the measure's unit (always > 0). */
  readonly missBy: number;
  /** Set when the measure is the class's condition index (the event's `conditionIndex`). */
  readonly conditionIndex?: number;
}

export interface QualityCheckInput {
  readonly value: number;
  readonly standard: QualityStandard;
  /** Where the value comes from, e.g. "inspection insp-2041"; quoted in the evidence. */
  readonly source?: string;
}

/** A value against a quality standard: no finding when it meets the limit, else one with its severity band. */
export function checkQualityStandard(input: QualityCheckInput): BelowQualityStandardFinding[] {
  const i = record('input', input);
  const standard = validateStandard('standard', i['standard']);
  const value = finite('value', i['value'], standard.valueRange);
  const source = i['source'] === undefined ? undefined : text('source', i['source']);
  return evaluate(standard, value, source, false);
}

export interface ConditionCheckInput {
  readonly assetClass: AssetClass;
  /** 0–100, higher is better. */
  readonly conditionIndex: number;
  readonly source?: string;
}

/** A condition index against its asset class's standard (by default `CONDITION_STANDARDS`). */
export function checkConditionIndex(
  input: ConditionCheckInput,
  standards: Readonly<Record<AssetClass, QualityStandard>> = CONDITION_STANDARDS,
): BelowQualityStandardFinding[] {
  const i = record('input', input);
  const assetClass = oneOf('assetClass', i['assetClass'], ASSET_CLASSES);
  const table = record('standards', standards);
  const standard = validateStandard(`standards.${assetClass}`, table[assetClass]);
  if (standard.assetClass !== assetClass) {
    throw new DomainValidationError(
      `standards.${assetClass}.assetClass`,
      standard.assetClass,
      `must be ${assetClass}`,
    );
  }
  const conditionIndex = finite('conditionIndex', i['conditionIndex'], { min: 0, max: 100 });
  const source = i['source'] === undefined ? undefined : text('source', i['source']);
  return evaluate(standard, conditionIndex, source, true);
}

function evaluate(
  standard: QualityStandard,
  value: number,
  source: string | undefined,
  isConditionIndex: boolean,
): BelowQualityStandardFinding[] {
  const missBy = standard.direction === 'at-least' ? standard.limit - value : value - standard.limit;
  if (missBy <= 0) return [];
  const { severity, band } = bandFor(standard, missBy);
  const unit = standard.unit === '' ? '' : ` ${standard.unit}`;
  const side = standard.direction === 'at-least' ? 'below' : 'above';
  const bound = standard.direction === 'at-least' ? 'at least' : 'at most';
  const evidence = [
    `${standard.measure} ${num(value)}${unit} ${side} the ${standard.assetClass} standard of ${bound} ` +
      `${num(standard.limit)}${unit}, by ${num(missBy)}${unit}${source === undefined ? '' : ` (${source})`}`,
    `severity ${severity}: a miss of ${num(missBy)}${unit} is ${band}`,
  ];
  return [
    {
      kind: 'below-quality-standard',
      severity,
      evidence: evidenceLines(evidence),
      standardId: standard.id,
      assetClass: standard.assetClass,
      measure: standard.measure,
      value,
      limit: standard.limit,
      direction: standard.direction,
      missBy,
      ...(isConditionIndex ? { conditionIndex: value } : {}),
    },
  ];
}

function bandFor(standard: QualityStandard, missBy: number): { severity: Severity; band: string } {
  const index = standard.bands.findIndex((b) => missBy <= b.upTo);
  if (index === -1) {
    const last = standard.bands[standard.bands.length - 1];
    return { severity: 'critical', band: `more than ${num(last.upTo)}` };
  }
  const lower = index === 0 ? 0 : standard.bands[index - 1].upTo;
  return {
    severity: standard.bands[index].severity,
    band: `over ${num(lower)} and at most ${num(standard.bands[index].upTo)}`,
  };
}

/** Checks a standard given as data; every bad field is named with its path. */
export function validateStandard(field: string, value: unknown): QualityStandard {
  const s = record(field, value);
  text(at(field, 'id'), s['id']);
  oneOf(at(field, 'assetClass'), s['assetClass'], ASSET_CLASSES);
  text(at(field, 'measure'), s['measure']);
  if (typeof s['unit'] !== 'string' || s['unit'].length > 16) {
    throw new DomainValidationError(
      at(field, 'unit'),
      s['unit'],
      'must be a string of at most 16 characters',
    );
  }
  oneOf(at(field, 'direction'), s['direction'], ['at-least', 'at-most'] as const);
  finite(at(field, 'limit'), s['limit']);
  const range = record(at(field, 'valueRange'), s['valueRange']);
  const min = finite(at(field, 'valueRange.min'), range['min']);
  if (range['max'] !== undefined) finite(at(field, 'valueRange.max'), range['max'], { min });
  const bands = array(at(field, 'bands'), s['bands'], 1);
  let previousUpTo = 0;
  let previousRank = 0;
  bands.forEach((b, n) => {
    const path = `${at(field, 'bands')}[${n}]`;
    const band = record(path, b);
    const upTo = finite(`${path}.upTo`, band['upTo']);
    if (upTo <= previousUpTo) {
      throw new DomainValidationError(`${path}.upTo`, upTo, `must be greater than ${previousUpTo}`);
    }
    const rank = SEVERITIES.indexOf(oneOf(`${path}.severity`, band['severity'], SEVERITIES));
    if (rank < previousRank) {
      throw new DomainValidationError(
        `${path}.severity`,
        band['severity'],
        'must not be milder than the band before',
      );
    }
    previousUpTo = upTo;
    previousRank = rank;
  });
  return value as QualityStandard;
}

import { array, DomainValidationError, integer, oneOf, positive, record } from '@buqi/domain-kernel';
import { round1 } from '../shared/score';
import { ASTM_D6433 } from './astm-d6433/astm-d6433.model';
import { CJJ36 } from './cjj36/cjj36.model';
import { JTG5210 } from './jtg5210/jtg5210.model';
import {
  MAINTENANCE_ACTIONS,
  PAVEMENT_METHODS,
  PAVEMENT_TYPES,
  SEVERITIES,
  URBAN_ROAD_CLASSES,
  type CombinedDistress,
  type DistressSpec,
  type MaintenanceAction,
  type PavementGrade,
  type PavementMethod,
  type PavementMethodModel,
  type PavementType,
  type Severity,
  type UrbanRoadClass,
  type ValidSample,
} from './pavement-types';

/** Every method, by name: the data each one is built from is documented in its own folder. */
export const PAVEMENT_MODELS: Readonly<Record<PavementMethod, PavementMethodModel>> = {
  cjj36: CJJ36,
  jtg5210: JTG5210,
  'astm-d6433': ASTM_D6433,
};

export interface PavementDistressObservation {
  /** A distress type of the method and pavement type (`pavementDistresses`). */
  type: string;
  /** Only for types that have severities; required for them. */
  severity?: Severity;
  /** In the type's unit: m², m, a count, or slabs. */
  quantity: number;
}

/** One inspection of a road segment (or a D6433 sample unit) under the segment's method. */
export interface PavementInspection {
  method: PavementMethod;
  pavement: PavementType;
  roadClass: UrbanRoadClass;
  /** The area inspected, m². */
  areaM2: number;
  /** D6433 jointed concrete only: the slabs in the sample unit. */
  slabs?: number;
  distresses: readonly PavementDistressObservation[];
}

export interface PavementConditionOptions {
  /** Replaces the method's default grade → action map, in whole or in part. */
  actions?: Readonly<Record<string, MaintenanceAction>>;
}

export interface PavementConditionResult<F = unknown> {
  method: PavementMethod;
  pavement: PavementType;
  /** 0–100, one decimal place */
  index: number;
  /** In the method's own scale (CJJ 36 A–D by road class, JTG 5210 优–差, D6433 good–failed). */
  grade: PavementGrade;
  /** What the grade calls for. */
  action: MaintenanceAction;
  factors: F & { distresses: readonly CombinedDistress[] };
}

/** The distress types an inspection under `method` on `pavement` accepts, with units and severities. */
export function pavementDistresses(method: PavementMethod, pavement: PavementType): readonly DistressSpec[] {
  const model = PAVEMENT_MODELS[oneOf('method', method, PAVEMENT_METHODS)];
  return model.distresses(supportedPavement(model, pavement));
}

/** The index, grade, maintenance action and factors of a pavement inspection, by the segment's method. */
export function pavementCondition(
  inspection: PavementInspection,
  options: PavementConditionOptions = {},
): PavementConditionResult {
  const model =
    PAVEMENT_MODELS[oneOf('method', record('inspection', inspection)['method'], PAVEMENT_METHODS)];
  const sample = validSample(model, inspection);
  const { index, factors } = model.assess(sample);
  const rounded = round1(Math.min(100, Math.max(0, index)));
  const grade = model.grade(rounded, sample.roadClass);
  return {
    method: model.method,
    pavement: sample.pavement,
    index: rounded,
    grade,
    action: actionFor(model, grade, options.actions),
    factors: { ...(factors as object), distresses: sample.distresses },
  };
}

function supportedPavement(model: PavementMethodModel, value: unknown): PavementType {
  const pavement = oneOf('pavement', value, PAVEMENT_TYPES);
  if (!model.pavements.includes(pavement))
    throw new DomainValidationError('pavement', value, `is not assessed by ${model.method}`);
  return pavement;
}

function validSample(model: PavementMethodModel, inspection: PavementInspection): ValidSample {
  const i = record('inspection', inspection);
  const pavement = supportedPavement(model, i['pavement']);
  const roadClass = oneOf('roadClass', i['roadClass'], URBAN_ROAD_CLASSES);
  const areaM2 = positive('areaM2', i['areaM2']);
  const needsSlabs = model.needsSlabs(pavement);
  const slabs = needsSlabs ? integer('slabs', i['slabs'], { min: 1 }) : undefined;
  if (!needsSlabs && i['slabs'] !== undefined)
    throw new DomainValidationError(
      'slabs',
      i['slabs'],
      `is not used by ${model.method} on ${pavement} pavement`,
    );
  const catalogue = new Map(model.distresses(pavement).map((d) => [d.type, d]));
  const observations = array('distresses', i['distresses']).map((value, n) =>
    validObservation(value, n, catalogue, model.method, pavement),
  );
  const distresses = combine(observations);
  checkExtent(distresses, catalogue, areaM2, slabs);
  return { pavement, roadClass, areaM2, ...(slabs !== undefined && { slabs }), distresses };
}

interface ValidObservation {
  index: number;
  spec: DistressSpec;
  severity?: Severity;
  quantity: number;
}

function validObservation(
  value: unknown,
  n: number,
  catalogue: ReadonlyMap<string, DistressSpec>,
  method: PavementMethod,
  pavement: PavementType,
): ValidObservation {
  const field = `distresses[${n}]`;
  const o = record(field, value);
  const spec = catalogue.get(o['type'] as string);
  if (typeof o['type'] !== 'string' || !spec)
    throw new DomainValidationError(
      `${field}.type`,
      o['type'],
      `is not a distress type of ${method} on ${pavement} pavement (one of ${[...catalogue.keys()].join(', ')})`,
    );
  let severity: Severity | undefined;
  if (spec.severities.length === 0) {
    if (o['severity'] !== undefined)
      throw new DomainValidationError(
        `${field}.severity`,
        o['severity'],
        `is not graded for ${spec.type}: leave it out`,
      );
  } else {
    severity = oneOf(`${field}.severity`, o['severity'], SEVERITIES);
    if (!spec.severities.includes(severity))
      throw new DomainValidationError(
        `${field}.severity`,
        severity,
        `is not a severity of ${spec.type} (one of ${spec.severities.join(', ')})`,
      );
  }
  const quantity =
    spec.unit === 'count' || spec.unit === 'slabs'
      ? integer(`${field}.quantity`, o['quantity'], { min: 1 })
      : positive(`${field}.quantity`, o['quantity']);
  return { index: n, spec, ...(severity && { severity }), quantity };
}

/** Adds up observations of one type and severity, in the order they first appear. */
function combine(observations: readonly ValidObservation[]): CombinedDistress[] {
  const byKey = new Map<
    string,
    { spec: DistressSpec; severity?: Severity; quantity: number; observations: number[] }
  >();
  for (const o of observations) {
    const key = `${o.spec.type}|${o.severity ?? ''}`;
    const entry = byKey.get(key) ?? {
      spec: o.spec,
      ...(o.severity && { severity: o.severity }),
      quantity: 0,
      observations: [],
    };
    entry.quantity += o.quantity;
    entry.observations.push(o.index);
    byKey.set(key, entry);
  }
  return [...byKey.values()].map((e) => ({
    type: e.spec.type,
    ...(e.severity && { severity: e.severity }),
    unit: e.spec.unit,
    quantity: e.quantity,
    observations: e.observations,
  }));
}

/**
 * No distress type covers more than was inspected: its area (a length times the width the method
 * counts it at) within the inspected area, its slabs within the sample unit's.
 */
function checkExtent(
  distresses: readonly CombinedDistress[],
  catalogue: ReadonlyMap<string, DistressSpec>,
  areaM2: number,
  slabs: number | undefined,
): void {
  const totals = new Map<string, { area: number; slabs: number; first: CombinedDistress }>();
  for (const d of distresses) {
    const spec = catalogue.get(d.type) as DistressSpec;
    const t = totals.get(d.type) ?? { area: 0, slabs: 0, first: d };
    if (d.unit === 'm2') t.area += d.quantity;
    if (d.unit === 'm' && spec.widthM !== undefined) t.area += d.quantity * spec.widthM;
    if (d.unit === 'slabs') t.slabs += d.quantity;
    totals.set(d.type, t);
  }
  for (const [type, t] of totals) {
    const field = `distresses[${t.first.observations[0]}].quantity`;
    if (t.area > areaM2 * (1 + 1e-9))
      throw new DomainValidationError(
        field,
        t.first.quantity,
        `${type} covers ${round1(t.area)} m² in all, more than the ${areaM2} m² inspected`,
      );
    if (slabs !== undefined && t.slabs > slabs)
      throw new DomainValidationError(
        field,
        t.first.quantity,
        `${type} is on ${t.slabs} slabs in all, more than the ${slabs} in the sample unit`,
      );
  }
}

function actionFor(
  model: PavementMethodModel,
  grade: PavementGrade,
  overrides: Readonly<Record<string, MaintenanceAction>> | undefined,
): MaintenanceAction {
  if (overrides !== undefined) {
    const o = record('options.actions', overrides);
    for (const [code, action] of Object.entries(o)) {
      if (!model.grades.some((g) => g.code === code))
        throw new DomainValidationError(`options.actions.${code}`, code, `is not a grade of ${model.method}`);
      oneOf(`options.actions.${code}`, action, MAINTENANCE_ACTIONS);
    }
    const chosen = o[grade.code];
    if (chosen !== undefined) return chosen as MaintenanceAction;
  }
  return model.actions[grade.code];
}

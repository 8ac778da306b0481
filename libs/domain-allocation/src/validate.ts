import { array, bool, DomainValidationError, finite, positive, record, text } from '@buqi/domain-kernel';
import { fen, type Fen } from '@buqi/domain-money';
import { dependencyOrder } from './dependencies';
import type {
  AllocationProblem,
  CandidateInput,
  CapInput,
  Constraint,
  ConstraintKind,
  EnvelopeInput,
  OptionInput,
  ValidCandidate,
  ValidOption,
  ValidProblem,
} from './problem';

/**
 * Checks an allocation problem and resolves its ids to indices. Throws a DomainValidationError naming
 * the field (`candidates[3].options[1].costFen`) for anything it cannot use: duplicate or unknown
 * ids, negative or fractional costs, a benefit that is not a finite number ≥ 0, a lifetime ≤ 0, an
 * option with no envelope, or a cyclic dependency.
 */
export function validateProblem(problem: AllocationProblem): ValidProblem {
  record('problem', problem);
  const constraints: Constraint[] = [];
  const envelopeRows = rowsOf(
    'envelope',
    'envelopes',
    array<EnvelopeInput>('envelopes', problem.envelopes),
    constraints,
  );
  const departmentRows = rowsOf(
    'department',
    'departmentCaps',
    capsOf('departmentCaps', problem.departmentCaps),
    constraints,
  );
  const zoneRows = rowsOf('zone', 'zoneCaps', capsOf('zoneCaps', problem.zoneCaps), constraints);

  const inputs = array<CandidateInput>('candidates', problem.candidates);
  const indexById = new Map<string, number>();
  inputs.forEach((c, i) => {
    const id = text(`candidates[${i}].id`, record(`candidates[${i}]`, c).id);
    if (indexById.has(id))
      throw new DomainValidationError(`candidates[${i}].id`, id, 'duplicates an earlier candidate id');
    indexById.set(id, i);
  });

  const dependsOn = inputs.map((c, i) =>
    dependenciesOf(`candidates[${i}].dependsOn`, c.dependsOn, indexById),
  );
  const ids = inputs.map((c) => c.id);
  const topologicalOrder = dependencyOrder(ids, dependsOn);
  const dependents: number[][] = inputs.map(() => []);
  dependsOn.forEach((deps, i) => deps.forEach((d) => dependents[d].push(i)));

  const candidates = inputs.map((c, i): ValidCandidate => {
    const field = `candidates[${i}]`;
    const department = text(`${field}.department`, c.department);
    const zone = text(`${field}.zone`, c.zone);
    const mandatory = c.mandatory === undefined ? false : bool(`${field}.mandatory`, c.mandatory);
    const envelope = c.envelope === undefined ? undefined : text(`${field}.envelope`, c.envelope);
    if (envelope !== undefined && !envelopeRows.has(envelope)) {
      throw new DomainValidationError(`${field}.envelope`, envelope, 'must name one of the envelopes');
    }
    const options = array<OptionInput>(`${field}.options`, c.options, 1).map((o, j) =>
      optionOf(`${field}.options[${j}]`, o, envelope, envelopeRows),
    );
    options.forEach((o, j) => {
      if (options.findIndex((other) => other.id === o.id) !== j) {
        throw new DomainValidationError(
          `${field}.options[${j}].id`,
          o.id,
          'duplicates an earlier option id of this candidate',
        );
      }
    });
    return {
      id: c.id,
      department,
      zone,
      mandatory,
      dependsOn: dependsOn[i],
      dependents: dependents[i],
      options,
      departmentRow: departmentRows.get(department) ?? -1,
      zoneRow: zoneRows.get(zone) ?? -1,
    };
  });
  const total = candidates.reduce((sum, c) => sum + Math.max(...c.options.map((o) => o.costFen)), 0);
  if (!Number.isSafeInteger(total)) {
    // Every sum of spend stays exact below 2^53 fen.
    throw new DomainValidationError(
      'candidates',
      total,
      'must not cost more in total than fen can be summed exactly',
    );
  }
  return { candidates, constraints, topologicalOrder };
}

function capsOf(field: string, caps: readonly CapInput[] | undefined): readonly EnvelopeInput[] {
  if (caps === undefined) return [];
  return array<CapInput>(field, caps).map((cap, i) => ({
    id: record(`${field}[${i}]`, cap).id as string,
    budgetFen: cap.capFen,
  }));
}

function rowsOf(
  kind: ConstraintKind,
  field: string,
  rows: readonly EnvelopeInput[],
  constraints: Constraint[],
): Map<string, number> {
  const limitName = kind === 'envelope' ? 'budgetFen' : 'capFen';
  const byId = new Map<string, number>();
  rows.forEach((row, i) => {
    const id = text(`${field}[${i}].id`, record(`${field}[${i}]`, row).id);
    if (byId.has(id))
      throw new DomainValidationError(`${field}[${i}].id`, id, `duplicates an earlier ${kind} id`);
    const limitFen = nonNegativeFen(`${field}[${i}].${limitName}`, row.budgetFen);
    byId.set(id, constraints.length);
    constraints.push({ kind, id, limitFen });
  });
  return byId;
}

function dependenciesOf(field: string, value: unknown, indexById: ReadonlyMap<string, number>): number[] {
  if (value === undefined) return [];
  const deps = new Set<number>();
  array<unknown>(field, value).forEach((dep, k) => {
    const index = indexById.get(text(`${field}[${k}]`, dep));
    if (index === undefined)
      throw new DomainValidationError(`${field}[${k}]`, dep, 'must be the id of a candidate');
    deps.add(index);
  });
  return [...deps];
}

function optionOf(
  field: string,
  option: OptionInput,
  candidateEnvelope: string | undefined,
  envelopeRows: ReadonlyMap<string, number>,
): ValidOption {
  const id = text(`${field}.id`, record(field, option).id);
  const envelope =
    option.envelope === undefined ? candidateEnvelope : text(`${field}.envelope`, option.envelope);
  if (envelope === undefined) {
    throw new DomainValidationError(
      `${field}.envelope`,
      undefined,
      'must name an envelope (on the option or its candidate)',
    );
  }
  const envelopeRow = envelopeRows.get(envelope);
  if (envelopeRow === undefined)
    throw new DomainValidationError(`${field}.envelope`, envelope, 'must name one of the envelopes');
  return {
    id,
    costFen: nonNegativeFen(`${field}.costFen`, option.costFen),
    benefit: finite(`${field}.benefit`, option.benefit, { min: 0 }),
    lifetimeYears: positive(`${field}.lifetimeYears`, option.lifetimeYears),
    envelopeRow,
  };
}

function nonNegativeFen(field: string, value: unknown): Fen {
  const amount = fen(value, field);
  if (amount < 0) throw new DomainValidationError(field, value, 'must not be negative');
  return amount;
}

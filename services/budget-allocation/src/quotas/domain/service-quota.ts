import { DomainValidationError } from '@buqi/domain-kernel';
import { add, type Fen } from '@buqi/domain-money';
import { amountOf } from '../../budgets/domain/budget-year';

/** What a quota version sets: the workload standard, the price per unit and the quality standard. */
export interface QuotaTerms {
  readonly name: string;
  readonly unit: string;
  readonly standardHoursPerUnit: number;
  readonly labourFenPerUnit: Fen;
  readonly materialsFenPerUnit: Fen;
  readonly quality: {
    readonly checklist: readonly string[];
    readonly acceptance: readonly { readonly criterion: string; readonly threshold: string }[];
  };
}

export interface QuotaVersion extends QuotaTerms {
  readonly version: number;
  /** First day in force, YYYY-MM-DD. */
  readonly effectiveFrom: string;
  /** First day no longer in force: the next version's effectiveFrom; absent on the latest. */
  readonly effectiveTo?: string;
}

/** A task type's quota: its versions, oldest first, each in force until the next begins. */
export interface ServiceQuota {
  readonly taskType: string;
  readonly versions: readonly QuotaVersion[];
}

export type QuotaInput = Omit<QuotaTerms, 'labourFenPerUnit' | 'materialsFenPerUnit'> & {
  readonly labourFenPerUnit: number;
  readonly materialsFenPerUnit: number;
};

function terms(input: QuotaInput): QuotaTerms {
  const hours = input.standardHoursPerUnit;
  if (!Number.isFinite(hours) || hours < 0 || hours > 10_000)
    throw new DomainValidationError('standardHoursPerUnit', hours, 'must be from 0 to 10000 hours per unit');
  return {
    ...input,
    labourFenPerUnit: amountOf(input.labourFenPerUnit, 'labourFenPerUnit'),
    materialsFenPerUnit: amountOf(input.materialsFenPerUnit, 'materialsFenPerUnit'),
  };
}

function date(value: string, field: string): string {
  const ok =
    /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!ok) throw new DomainValidationError(field, value, 'must be a calendar date, YYYY-MM-DD');
  return value;
}

/** A new task type's quota: version 1, in force from `effectiveFrom`. */
export function defineQuota(taskType: string, input: QuotaInput, effectiveFrom: string): ServiceQuota {
  return {
    taskType,
    versions: [{ ...terms(input), version: 1, effectiveFrom: date(effectiveFrom, 'effectiveFrom') }],
  };
}

/**
 * A new version from `effectiveFrom`, which must come after the latest version's start (versions
 * never overlap); the latest is closed the day before. Returns the versions whose state changed.
 */
export function addVersion(
  quota: ServiceQuota,
  input: QuotaInput,
  effectiveFrom: string,
): { quota: ServiceQuota; closed: QuotaVersion; added: QuotaVersion } {
  const from = date(effectiveFrom, 'effectiveFrom');
  const latest = quota.versions[quota.versions.length - 1];
  if (from <= latest.effectiveFrom)
    throw new DomainValidationError(
      'effectiveFrom',
      effectiveFrom,
      `must be after ${latest.effectiveFrom}, when version ${latest.version} took effect: versions may not overlap`,
    );
  const closed = { ...latest, effectiveTo: from };
  const added = { ...terms(input), version: latest.version + 1, effectiveFrom: from };
  return { quota: { ...quota, versions: [...quota.versions.slice(0, -1), closed, added] }, closed, added };
}

/** The version in force on a day (YYYY-MM-DD), if any. */
export function inForce(quota: ServiceQuota, day: string): QuotaVersion | undefined {
  const d = date(day, 'at');
  return quota.versions.find(
    (v) => v.effectiveFrom <= d && (v.effectiveTo === undefined || d < v.effectiveTo),
  );
}

/** The price of one unit: labour and materials. */
export function unitPrice(v: QuotaTerms): Fen {
  return add(v.labourFenPerUnit, v.materialsFenPerUnit);
}

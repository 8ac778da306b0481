/**
 * One version of a service quota (服务定额) as standards.service-quota.v1 publishes it: the workload
 * standard, the price per unit (labour and materials, fen) and the quality standard, in force from
 * `effectiveFrom` until the day before `effectiveTo`.
 */
export interface QuotaVersion {
  readonly taskType: string;
  readonly version: number;
  readonly name: string;
  readonly unit: string;
  readonly standardHoursPerUnit: number;
  readonly labourFenPerUnit: number;
  readonly materialsFenPerUnit: number;
  readonly quality: {
    readonly checklist: readonly string[];
    readonly acceptance: readonly { readonly criterion: string; readonly threshold: string }[];
  };
  /** First day in force, YYYY-MM-DD (the bureau's calendar day, Asia/Shanghai). */
  readonly effectiveFrom: string;
  /** First day no longer in force; absent while it is the latest. */
  readonly effectiveTo?: string;
  /** When this version, or its closing, was published: a later publication replaces an earlier one. */
  readonly publishedAt: Date;
}

/** The key a version is published and stored under: `<taskType>:<version>`. */
export const quotaKey = (taskType: string, version: number): string => `${taskType}:${version}`;

/** The bureau's offset from UTC: Asia/Shanghai, +08:00 all year (no daylight saving since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar day (YYYY-MM-DD) an instant falls on in Asia/Shanghai. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `day` (YYYY-MM-DD) is within the version's days in force. */
export function isInForce(v: Pick<QuotaVersion, 'effectiveFrom' | 'effectiveTo'>, day: string): boolean {
  return v.effectiveFrom <= day && (v.effectiveTo === undefined || day < v.effectiveTo);
}

/**
 * The version in force on `day` among a task type's versions; when publications overlap (a newer
 * version published before the older one's closing arrived), the highest version wins.
 */
export function inForceOn<V extends Pick<QuotaVersion, 'version' | 'effectiveFrom' | 'effectiveTo'>>(
  versions: readonly V[],
  day: string,
): V | undefined {
  return versions
    .filter((v) => isInForce(v, day))
    .reduce<
      V | undefined
    >((best, v) => (best === undefined || v.version > best.version ? v : best), undefined);
}

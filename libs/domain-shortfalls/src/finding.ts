/** The kinds and severities of `shortfall.detected.v1` and `.v2` (libs/contracts), so a finding maps onto the event as is. */
export const SHORTFALL_KINDS = [
  'below-quality-standard',
  'sensor-threshold',
  'device-offline',
  'coverage-gap',
] as const;
export type ShortfallKind = (typeof SHORTFALL_KINDS)[number];

export const SEVERITIES = ['minor', 'moderate', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ASSET_CLASSES = ['road-segment', 'restroom', 'monitoring-device'] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

/** What every rule yields: a kind, a severity and evidence a person can read (with the numbers). */
export interface Finding<K extends ShortfallKind = ShortfallKind> {
  readonly kind: K;
  readonly severity: Severity;
  readonly evidence: readonly string[];
}

/** Severity for a level counted from 0 (minor); levels past either end stay at minor or critical. */
export function severityAt(level: number): Severity {
  return SEVERITIES[Math.min(SEVERITIES.length - 1, Math.max(0, level))];
}

/** `shortfall.detected` (v1 and v2) carries 1–20 evidence lines of at most 500 characters: longer lines are cut with "…". */
export function evidenceLines(lines: readonly string[]): string[] {
  return lines.slice(0, 20).map((line) => (line.length > 500 ? `${line.slice(0, 499)}…` : line));
}

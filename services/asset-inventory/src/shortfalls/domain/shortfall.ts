import { ConflictError } from '@buqi/domain-kernel';
import { SEVERITIES, evidenceLines, type Severity, type ShortfallKind } from '@buqi/domain-shortfalls';

export const SHORTFALL_STATUSES = ['open', 'awaiting-verification', 'resolved'] as const;
export type ShortfallStatus = (typeof SHORTFALL_STATUSES)[number];
export type { Severity, ShortfallKind };
export type Resolution = 'repaired' | 'cleared-by-reading' | 'withdrawn';

/** What one rule found, as the shortfall records it while the rule fires. */
export interface RuleFinding {
  /**
   * What fired within the kind: `condition`, `dust-load`, `sensor:nh3@NY-DV-004` (a metric of a
   * device), `offline`, `coverage:odour-sensor`.
   */
  rule: string;
  severity: Severity;
  safetyCritical: boolean;
  evidence: readonly string[];
  conditionIndex?: number;
  damage?: { quantity: number; unit: string };
  action?: string;
  at: Date;
}

/** A rule's finding and the kind of shortfall it belongs to. */
export interface Detection extends RuleFinding {
  kind: ShortfallKind;
}

export interface HistoryEntry {
  at: Date;
  event: 'opened' | 'redetected' | 'rule-cleared' | 'remediated' | 'verification-failed' | 'resolved';
  note: string;
}

/** What a reader of the shortfall sees at a glance: the worst of the findings firing now. */
export type ShortfallSummary = Omit<RuleFinding, 'rule' | 'at'>;

/**
 * One opening of a shortfall (短板) of one asset of one kind, from detection to resolution. At most
 * one is current per asset and kind; the rules of that kind firing now are its findings (a road both
 * below its PCI standard and over its dust load is one below-quality-standard shortfall with two).
 */
export interface Shortfall extends ShortfallSummary {
  id: string;
  assetId: string;
  kind: ShortfallKind;
  findings: readonly RuleFinding[];
  status: ShortfallStatus;
  openedAt: Date;
  lastDetectedAt: Date;
  resolvedAt?: Date;
  resolution?: Resolution;
  /** The work order reported to have fixed it, while it awaits verification and after. */
  workOrderId?: string;
  history: readonly HistoryEntry[];
}

/** The n-th opening of an asset's shortfall of a kind: its id. */
export function shortfallId(assetId: string, kind: ShortfallKind, opening: number): string {
  return `${assetId}-${kind}-${opening}`;
}

export function openShortfall(id: string, assetId: string, d: Detection): Shortfall {
  const { kind, ...finding } = d;
  const findings = [finding];
  return {
    id,
    assetId,
    kind,
    findings,
    ...summarise(findings),
    status: 'open',
    openedAt: d.at,
    lastDetectedAt: d.at,
    history: [{ at: d.at, event: 'opened', note: `${d.rule}: ${d.evidence[0]}` }],
  };
}

/**
 * A rule of the shortfall's kind fired (again). While open, the finding replaces the rule's last one
 * and `changed` says whether anything a reader of shortfall.detected cares about moved. While it
 * awaits verification after a repair, firing again means the repair did not hold: back to open.
 */
export function redetect(s: Shortfall, d: Detection): { shortfall: Shortfall; changed: boolean } {
  if (s.status === 'resolved')
    throw new ConflictError('resolved', `shortfall ${s.id} is resolved; a new opening is a new shortfall`);
  const { kind: _k, ...finding } = d;
  const findings = [...s.findings.filter((f) => f.rule !== d.rule), finding].sort(byRule);
  const before = summarise(s.findings);
  const after = summarise(findings);
  const changed = s.status !== 'open' || differs(before, after) || !sameRules(s.findings, findings);
  const entry: HistoryEntry =
    s.status === 'awaiting-verification'
      ? {
          at: d.at,
          event: 'verification-failed',
          note: `still falls short after work order ${s.workOrderId ?? '?'}: ${d.rule}: ${d.evidence[0]}`,
        }
      : { at: d.at, event: 'redetected', note: `${d.rule}: ${d.evidence[0]}` };
  return {
    shortfall: {
      ...withSummary(s, after),
      findings,
      status: 'open',
      lastDetectedAt: d.at > s.lastDetectedAt ? d.at : s.lastDetectedAt,
      history: changed ? [...s.history, entry] : s.history,
    },
    changed,
  };
}

/**
 * A rule of the shortfall's kind no longer fires. With no rule left firing, the shortfall is
 * resolved — repaired when a work order was awaiting verification, else cleared; otherwise it stays
 * with the findings left (and `changed` says whether the summary moved).
 */
export function ruleCleared(
  s: Shortfall,
  rule: string,
  at: Date,
  source: string,
): { shortfall: Shortfall; changed: boolean } {
  if (s.status === 'resolved' || !s.findings.some((f) => f.rule === rule))
    return { shortfall: s, changed: false };
  const findings = s.findings.filter((f) => f.rule !== rule);
  if (findings.length === 0) {
    const resolution: Resolution = s.status === 'awaiting-verification' ? 'repaired' : 'cleared-by-reading';
    return {
      shortfall: {
        ...s,
        status: 'resolved',
        resolution,
        resolvedAt: at,
        history: [
          ...s.history,
          { at, event: 'resolved', note: `${resolution}: ${rule} meets its standard again (${source})` },
        ],
      },
      changed: true,
    };
  }
  const after = summarise(findings);
  return {
    shortfall: {
      ...withSummary(s, after),
      findings,
      history: [
        ...s.history,
        { at, event: 'rule-cleared', note: `${rule} meets its standard again (${source})` },
      ],
    },
    // The rules firing changed, and the event names them.
    changed: true,
  };
}

/** A work order reports the asset fixed: the shortfall waits for an inspection or telemetry to confirm it. */
export function remediated(s: Shortfall, workOrderId: string, at: Date): Shortfall {
  if (s.status !== 'open') return s;
  return {
    ...s,
    status: 'awaiting-verification',
    workOrderId,
    history: [
      ...s.history,
      { at, event: 'remediated', note: `work order ${workOrderId} completed; awaiting verification` },
    ],
  };
}

/** The worst finding sets severity, and the condition's finding the index, damage and action. */
export function summarise(findings: readonly RuleFinding[]): ShortfallSummary {
  const worst = findings.reduce((a, b) =>
    SEVERITIES.indexOf(b.severity) > SEVERITIES.indexOf(a.severity) ? b : a,
  );
  const costed = findings.find((f) => f.damage !== undefined || f.action !== undefined);
  const indexed = findings.find((f) => f.conditionIndex !== undefined);
  const multiple = findings.length > 1;
  return {
    severity: worst.severity,
    safetyCritical: findings.some((f) => f.safetyCritical),
    evidence: evidenceLines(
      findings.flatMap((f) => (multiple ? f.evidence.map((e) => `${f.rule}: ${e}`) : f.evidence)),
    ),
    ...(indexed && { conditionIndex: indexed.conditionIndex }),
    ...(costed?.damage && { damage: costed.damage }),
    ...(costed?.action && { action: costed.action }),
  };
}

function withSummary<T extends ShortfallSummary>(s: T, summary: ShortfallSummary): T {
  const { conditionIndex: _i, damage: _d, action: _a, ...rest } = s;
  return { ...rest, ...summary } as T;
}

function differs(a: ShortfallSummary, b: ShortfallSummary): boolean {
  return (
    a.severity !== b.severity ||
    a.safetyCritical !== b.safetyCritical ||
    a.conditionIndex !== b.conditionIndex ||
    a.action !== b.action ||
    a.damage?.quantity !== b.damage?.quantity ||
    a.damage?.unit !== b.damage?.unit
  );
}

function sameRules(a: readonly RuleFinding[], b: readonly RuleFinding[]): boolean {
  return a.length === b.length && a.every((f, n) => f.rule === b[n].rule);
}

function byRule(a: RuleFinding, b: RuleFinding): number {
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}

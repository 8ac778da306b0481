import {
  BudgetThresholdCrossedV1,
  DeviceStatusChangedV1,
  WorkOrderEscalatedV1,
  type EnvelopeOf,
} from '@buqi/contracts';

/** Something people should see at once, wherever they are in the console. */
export interface Alert {
  /** The event's id: the same alert twice is one. */
  readonly id: string;
  readonly kind: 'escalation' | 'budget-threshold' | 'device-offline' | 'device-online';
  readonly severity: 'info' | 'warning' | 'error';
  readonly at: string;
  /** What the pages show, as data: they word it in the person's language. */
  readonly subject: string;
  readonly details: Readonly<Record<string, string | number | boolean>>;
  /** A page of the console it concerns, when there is one. */
  readonly link?: string;
}

export const ALERT_CONTRACTS = [
  WorkOrderEscalatedV1,
  BudgetThresholdCrossedV1,
  DeviceStatusChangedV1,
] as const;

export function alertOfEscalation(e: EnvelopeOf<typeof WorkOrderEscalatedV1>): Alert {
  return {
    id: e.id,
    kind: 'escalation',
    severity: e.data.notify === 'assignee' ? 'warning' : 'error',
    at: e.data.escalatedAt,
    subject: e.data.workOrderId,
    details: { step: e.data.stepId, notify: e.data.notify, dueAt: e.data.dueAt, resolveBy: e.data.resolveBy },
    link: `/orders/${encodeURIComponent(e.data.workOrderId)}`,
  };
}

export function alertOfThreshold(e: EnvelopeOf<typeof BudgetThresholdCrossedV1>): Alert {
  return {
    id: e.id,
    kind: 'budget-threshold',
    severity: e.data.thresholdPct >= 100 ? 'error' : 'warning',
    at: e.data.crossedAt,
    subject: `${e.data.fiscalYear} ${e.data.envelope}`,
    details: {
      envelope: e.data.envelope,
      thresholdPct: e.data.thresholdPct,
      limitFen: e.data.limitFen,
      committedFen: e.data.committedFen,
    },
  };
}

export function alertOfDevice(e: EnvelopeOf<typeof DeviceStatusChangedV1>): Alert {
  return {
    id: e.id,
    kind: e.data.online ? 'device-online' : 'device-offline',
    severity: e.data.online ? 'info' : 'error',
    at: e.data.at,
    subject: e.data.deviceId,
    details: {
      ...(e.data.watchedAssetId && { watches: e.data.watchedAssetId }),
      ...(e.data.lastSeenAt && { lastSeenAt: e.data.lastSeenAt }),
    },
  };
}

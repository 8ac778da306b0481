import type { EventContract } from './define-event';
import { BudgetThresholdCrossedV1 } from './events/budget-threshold-crossed.v1/budget-threshold-crossed.v1';
import { AssetStateV1 } from './events/asset-state.v1/asset-state.v1';
import { DeviceStatusChangedV1 } from './events/device-status-changed.v1/device-status-changed.v1';
import { DeviceTelemetryV1 } from './events/device-telemetry.v1/device-telemetry.v1';
import { RemediationDeferredV1 } from './events/remediation-deferred.v1/remediation-deferred.v1';
import { RemediationFundedV1 } from './events/remediation-funded.v1/remediation-funded.v1';
import { ShortfallDetectedV2 } from './events/shortfall-detected.v2/shortfall-detected.v2';
import { ShortfallDetectedV1 } from './events/shortfall-detected.v1/shortfall-detected.v1';
import { ShortfallResolvedV1 } from './events/shortfall-resolved.v1/shortfall-resolved.v1';
import { ServiceQuotaV1 } from './events/service-quota.v1/service-quota.v1';
import { SiteStateV1 } from './events/site-state.v1/site-state.v1';
import { RemediationCancelledV1 } from './events/remediation-cancelled.v1/remediation-cancelled.v1';
import { WorkOrderCancelledV1 } from './events/workorder-cancelled.v1/workorder-cancelled.v1';
import { WorkOrderCreatedV1 } from './events/workorder-created.v1/workorder-created.v1';
import { WorkOrderAssignedV1 } from './events/workorder-assigned.v1/workorder-assigned.v1';
import { WorkOrderStartedV1 } from './events/workorder-started.v1/workorder-started.v1';
import { WorkOrderHeldV1 } from './events/workorder-held.v1/workorder-held.v1';
import { WorkOrderResumedV1 } from './events/workorder-resumed.v1/workorder-resumed.v1';
import { WorkOrderVerifiedV1 } from './events/workorder-verified.v1/workorder-verified.v1';
import { WorkOrderReopenedV1 } from './events/workorder-reopened.v1/workorder-reopened.v1';
import { WorkOrderEscalatedV1 } from './events/workorder-escalated.v1/workorder-escalated.v1';
import { WorkOrderCompletedV1 } from './events/workorder-completed.v1/workorder-completed.v1';

/** Every event contract the product knows. Add new versions here; never edit a published one. */
export const CONTRACTS = [
  ShortfallDetectedV1,
  ShortfallResolvedV1,
  RemediationFundedV1,
  WorkOrderCompletedV1,
  DeviceTelemetryV1,
  DeviceStatusChangedV1,
  SiteStateV1,
  AssetStateV1,
  ShortfallDetectedV2,
  ServiceQuotaV1,
  RemediationDeferredV1,
  BudgetThresholdCrossedV1,
  RemediationCancelledV1,
  WorkOrderCancelledV1,
  WorkOrderCreatedV1,
  WorkOrderAssignedV1,
  WorkOrderStartedV1,
  WorkOrderHeldV1,
  WorkOrderResumedV1,
  WorkOrderVerifiedV1,
  WorkOrderReopenedV1,
  WorkOrderEscalatedV1,
] as const;

export type AnyContract = (typeof CONTRACTS)[number];

const byTopic = new Map<string, EventContract>(CONTRACTS.map((c) => [c.topic, c]));

export function contractForTopic(topic: string): EventContract | undefined {
  return byTopic.get(topic);
}

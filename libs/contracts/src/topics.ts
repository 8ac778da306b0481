import { CONTRACTS } from './registry';

/**
 * Topic names live here and nowhere else. A contract's topic is `<type>.v<version>`;
 * dead letters of a topic go to `<topic>.dlq`, keeping the original bytes.
 */
export const TOPICS = {
  shortfallDetected: 'shortfall.detected.v1',
  shortfallDetectedV2: 'shortfall.detected.v2',
  shortfallResolved: 'shortfall.resolved.v1',
  remediationFunded: 'remediation.funded.v1',
  remediationDeferred: 'remediation.deferred.v1',
  workOrderCompleted: 'workorder.completed.v1',
  deviceTelemetry: 'device.telemetry.v1',
  deviceStatusChanged: 'device.status-changed.v1',
  siteState: 'site.state.v1',
  assetState: 'asset.state.v1',
  serviceQuota: 'standards.service-quota.v1',
  budgetThresholdCrossed: 'budget.threshold-crossed.v1',
  remediationCancelled: 'remediation.cancelled.v1',
  workOrderCancelled: 'workorder.cancelled.v1',
  workOrderCreated: 'workorder.created.v1',
  workOrderAssigned: 'workorder.assigned.v1',
  workOrderStarted: 'workorder.started.v1',
  workOrderHeld: 'workorder.held.v1',
  workOrderResumed: 'workorder.resumed.v1',
  workOrderVerified: 'workorder.verified.v1',
  workOrderReopened: 'workorder.reopened.v1',
  workOrderEscalated: 'workorder.escalated.v1',
} as const satisfies Record<string, (typeof CONTRACTS)[number]['topic']>;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const dlqTopic = (topic: string): string => `${topic}.dlq`;

export interface TopicSpec {
  topic: string;
  /** Partitions when the topic is created; ordering holds per key within a partition. */
  partitions?: number;
  /** `compact` for latest-value topics such as standards. */
  cleanupPolicy?: 'delete' | 'compact';
}

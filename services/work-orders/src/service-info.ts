import { TOPICS } from '@buqi/contracts';

/** Who this service is: its name in logs, traces and Kafka client ids, its OpenAPI title, its topics. */
export const serviceInfo = {
  name: 'work-orders',
  title: 'Buqi work orders',
  description:
    'Work orders: one per funded remediation (remediation.funded.v1) or opened by supervisors; the ' +
    'lifecycle as a state machine (assign, start, hold, resume, complete, verify with the four-level ' +
    'rating, reject, cancel), each move published (workorder.*.v1); SLA due times from libs/domain-sla; ' +
    'the escalation ladder on BullMQ delayed jobs, rebuilt from the database; administration of the ' +
    'outbox, dead letters and the audit trail.',
  // Publishes workorder.*; consumes remediation.funded.
  topics: [
    TOPICS.remediationFunded,
    TOPICS.serviceQuota,
    TOPICS.assetState,
    TOPICS.workOrderCreated,
    TOPICS.workOrderAssigned,
    TOPICS.workOrderStarted,
    TOPICS.workOrderHeld,
    TOPICS.workOrderResumed,
    TOPICS.workOrderCompleted,
    TOPICS.workOrderVerified,
    TOPICS.workOrderReopened,
    TOPICS.workOrderCancelled,
    TOPICS.workOrderEscalated,
  ],
} as const;

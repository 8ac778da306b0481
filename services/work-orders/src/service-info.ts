import { TOPICS } from '@buqi/contracts';

/** Who this service is: its name in logs, traces and Kafka client ids, its OpenAPI title, its topics. */
export const serviceInfo = {
  name: 'work-orders',
  title: 'Buqi work orders',
  description:
    'Work orders. Today: administration of the outbox, dead letters and the audit trail. ' +
    'The work-order lifecycle, crews and contractors, SLA clocks and escalation follow.',
  // Publishes workorder.*; consumes remediation.funded.
  topics: [TOPICS.workOrderCompleted, TOPICS.remediationFunded],
} as const;

import { TOPICS } from '@buqi/contracts';

/** Who this service is: its name in logs, traces and Kafka client ids, its OpenAPI title, its topics. */
export const serviceInfo = {
  name: 'asset-inventory',
  title: 'Buqi asset inventory',
  description:
    'The campus inventory. Today: sites (compounds) and their zones, each change published as site.state.v1; ' +
    'administration of the outbox, dead letters and the audit trail. Assets, inspections, telemetry and shortfalls follow.',
  // Publishes site.state and shortfall.*; consumes device telemetry and completed work.
  topics: [
    TOPICS.siteState,
    TOPICS.shortfallDetected,
    TOPICS.shortfallResolved,
    TOPICS.deviceTelemetry,
    TOPICS.workOrderCompleted,
  ],
} as const;

import { TOPICS } from '@buqi/contracts';

/** Who this service is: its name in logs, traces and Kafka client ids, its OpenAPI title, its topics. */
export const serviceInfo = {
  name: 'asset-inventory',
  title: 'Buqi asset inventory',
  description:
    'The campus inventory: sites (compounds) with their zones and buildings (site.state.v1), and assets of three ' +
    'classes — road segments, restrooms, monitoring devices with their own API keys — each change published as ' +
    'asset.state.v1; administration of the outbox, dead letters and the audit trail. Inspections, telemetry and ' +
    'shortfalls follow.',
  // Publishes site.state, asset.state and shortfall.*; consumes device telemetry and completed work.
  topics: [
    TOPICS.siteState,
    TOPICS.assetState,
    TOPICS.shortfallDetected,
    TOPICS.shortfallResolved,
    TOPICS.deviceTelemetry,
    TOPICS.workOrderCompleted,
  ],
} as const;

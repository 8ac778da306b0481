import { TOPICS } from '@buqi/contracts';

/** Who this service is: its name in logs, traces and Kafka client ids, its OpenAPI title, its topics. */
export const serviceInfo = {
  name: 'asset-inventory',
  title: 'Buqi asset inventory',
  description:
    'The campus inventory and where its shortfalls are found: sites with their zones and buildings ' +
    '(site.state.v1); road segments, restrooms and monitoring devices (asset.state.v1), imported from CSV or ' +
    '.xlsx and exported as CSV; inspections scored by the condition models with each asset’s history and trend; ' +
    'device readings (HTTP with a device key, or Kafka), devices going offline and back ' +
    '(device.status-changed.v1); shortfalls opened and resolved by the rules (shortfall.detected.v2, ' +
    'shortfall.resolved.v1) and closed by completed work; administration of the outbox, dead letters and the ' +
    'audit trail.',
  // Publishes site.state, asset.state, device.status-changed and shortfall.*; consumes device telemetry and
  // completed work.
  topics: [
    TOPICS.siteState,
    TOPICS.assetState,
    TOPICS.shortfallDetectedV2,
    TOPICS.shortfallResolved,
    TOPICS.deviceTelemetry,
    TOPICS.deviceStatusChanged,
    TOPICS.workOrderCompleted,
  ],
} as const;

/** Who this service is: its name in logs, traces and Kafka client ids, and its OpenAPI title. */
export const serviceInfo = {
  name: 'asset-inventory',
  title: 'Buqi asset inventory',
  description:
    'Sites, zones, buildings and assets (road segments, restrooms, monitoring devices); inspections, device telemetry, condition indices and shortfalls.',
} as const;

/** Who this service is: its name in logs, traces and Kafka client ids, and its OpenAPI title. */
export const serviceInfo = {
  name: 'work-orders',
  title: 'Buqi work orders',
  description:
    'Work orders and their lifecycle, crews and contractors, SLA clocks and escalation, closure evidence, quality rating and workload credit.',
} as const;

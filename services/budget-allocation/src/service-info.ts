/** Who this service is: its name in logs, traces and Kafka client ids, and its OpenAPI title. */
export const serviceInfo = {
  name: 'budget-allocation',
  title: 'Buqi budget allocation',
  description:
    'Fiscal years and budget envelopes, service quotas, remediation candidates with cost and risk, the investment plan, commitments and actuals.',
} as const;

import { TOPICS } from '@buqi/contracts';

/** Who this service is: its name in logs, traces and Kafka client ids, its OpenAPI title, its topics. */
export const serviceInfo = {
  name: 'budget-allocation',
  title: 'Buqi budget allocation',
  description:
    'Budgets and the investment plan. Today: the sites and zones it knows from asset-inventory (for caps per zone); ' +
    'administration of the outbox, dead letters and the audit trail. Budgets, service quotas, candidates and the plan follow.',
  // Publishes remediation.funded; consumes site.state, shortfall.* and completed work.
  topics: [
    TOPICS.remediationFunded,
    TOPICS.siteState,
    TOPICS.shortfallDetectedV2,
    TOPICS.shortfallResolved,
    TOPICS.workOrderCompleted,
  ],
} as const;

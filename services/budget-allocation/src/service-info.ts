import { TOPICS } from '@buqi/contracts';

/** Who this service is: its name in logs, traces and Kafka client ids, its OpenAPI title, its topics. */
export const serviceInfo = {
  name: 'budget-allocation',
  title: 'Buqi budget allocation',
  description:
    'Budgets and the investment plan. Today: fiscal years with envelopes and department and zone caps, and ' +
    'commitments that never pass them; the service-quota catalogue (workload standards, prices, quality ' +
    'standards) by effective date, published as standards.service-quota.v1; the sites and zones it knows from ' +
    'asset-inventory, and its assets (asset.state.v1); remediation candidates from shortfalls, with options ' +
    'costed from the quotas and a risk score; small and safety-critical remedies funded at once by rule ' +
    '(remediation.funded.v1), others deferred (remediation.deferred.v1); administration of the outbox, dead ' +
    'letters and the audit trail; investment plans solved as jobs (heuristic and HiGHS raced, progress shown), ' +
    'signed along an approval chain held as data, funded in one step and revised only on the record ' +
    '(remediation.cancelled.v1); cancelled work (workorder.cancelled.v1) gives its commitment back.',
  // Publishes remediation.funded/deferred and the quotas; consumes site.state, asset.state, shortfall.* and completed work.
  topics: [
    TOPICS.remediationFunded,
    TOPICS.remediationDeferred,
    TOPICS.budgetThresholdCrossed,
    TOPICS.serviceQuota,
    TOPICS.siteState,
    TOPICS.assetState,
    TOPICS.shortfallDetectedV2,
    TOPICS.shortfallResolved,
    TOPICS.workOrderCompleted,
    TOPICS.workOrderCancelled,
    TOPICS.remediationCancelled,
  ],
} as const;

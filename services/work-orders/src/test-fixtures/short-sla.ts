import { DEFAULT_SLA_POLICY } from '@buqi/domain-sla';

/** An SLA policy for tests: P1 answered within a minute and resolved within two, the rest as the bureau's. */
export const SHORT_SLA = {
  ...DEFAULT_SLA_POLICY,
  name: 'test: P1 answered within a minute, resolved within two',
  priorities: {
    ...DEFAULT_SLA_POLICY.priorities,
    P1: { clock: '24x7', respond: { kind: 'within', minutes: 1 }, resolve: { kind: 'within', minutes: 2 } },
  },
};

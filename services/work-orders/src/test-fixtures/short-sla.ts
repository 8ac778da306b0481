/** An SLA policy for tests: P1 answered within a minute and resolved within two, the rest as the bureau's. */
export const SHORT_SLA = {
  name: 'test: P1 answered within a minute, resolved within two',
  priorities: {
    P1: { clock: '24x7', respond: { kind: 'within', minutes: 1 }, resolve: { kind: 'within', minutes: 2 } },
    P2: {
      clock: 'working',
      respond: { kind: 'within', minutes: 60 },
      resolve: { kind: 'end-of-working-day', cutoffMinutes: 60 },
    },
    P3: {
      clock: 'working',
      respond: { kind: 'within', minutes: 240 },
      resolve: { kind: 'working-days', days: 3 },
    },
    P4: {
      clock: 'working',
      respond: { kind: 'working-days', days: 1 },
      resolve: { kind: 'planned', fallbackWorkingDays: 10 },
    },
  },
};

import { ConfigError, loadConfig } from '@buqi/config';
import { requiredServiceVariables } from '@buqi/testing';
import { serviceConfig } from './config';

const required = requiredServiceVariables;

describe('budget-allocation configuration', () => {
  it('defaults to its own port and database, two optimiser threads (a plan races two methods) and a 30 s funding sweep', () => {
    expect(loadConfig(serviceConfig, required)).toMatchObject({
      HTTP_PORT: 3102,
      MONGO_DB: 'buqi_budget_allocation',
      OPTIMISER_THREADS: 2,
      PLAN_FUNDING_SWEEP_INTERVAL: 30_000,
    });
  });

  it('takes OPTIMISER_THREADS from the environment and refuses fewer than one thread', () => {
    expect(loadConfig(serviceConfig, { ...required, OPTIMISER_THREADS: '3' }).OPTIMISER_THREADS).toBe(3);
    expect(() => loadConfig(serviceConfig, { ...required, OPTIMISER_THREADS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig(serviceConfig, { ...required, OPTIMISER_THREADS: '0' })).toThrow(
      /OPTIMISER_THREADS/,
    );
  });
});

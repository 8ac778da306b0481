import { loadConfig } from '@buqi/config';
import { serviceConfig } from './config';

describe('budget-allocation configuration', () => {
  it('defaults to its own port and database', () => {
    const engines = { KAFKA_BROKERS: 'k:9092', MONGO_URL: 'mongodb://m/', REDIS_URL: 'redis://r' };
    expect(loadConfig(serviceConfig, engines)).toMatchObject({ HTTP_PORT: 3102, MONGO_DB: 'buqi_budget_allocation' });
  });
});

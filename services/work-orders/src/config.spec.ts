import { loadConfig } from '@buqi/config';
import { requiredServiceVariables } from '@buqi/testing';
import { serviceConfig } from './config';

describe('work-orders configuration', () => {
  it('defaults to its own port and database', () => {
    expect(loadConfig(serviceConfig, requiredServiceVariables)).toMatchObject({
      HTTP_PORT: 3103,
      MONGO_DB: 'buqi_work_orders',
    });
  });
});

import { loadConfig } from '@buqi/config';
import { requiredServiceVariables } from '@buqi/testing';
import { serviceConfig } from './config';

describe('asset-inventory configuration', () => {
  it('defaults to its own port and database', () => {
    expect(loadConfig(serviceConfig, requiredServiceVariables)).toMatchObject({
      HTTP_PORT: 3101,
      MONGO_DB: 'buqi_asset_inventory',
    });
  });
});

import { defineConfig } from './config-spec';
import { describeConfig } from './describe-config';
import { httpConfig, mongoConfig } from './fragments';
import { duration, str } from './helpers';

describe('describeConfig', () => {
  it('renders one markdown row per variable', () => {
    const table = describeConfig(
      defineConfig({
        ...mongoConfig('buqi_x'),
        ...httpConfig(3101),
        TICK: duration({ description: 'Tick | period', default: 30_000 }),
        SECRET: str({ description: 'Signing key', sensitive: true, default: 'dev-only' }),
      }),
    );

    expect(table.split('\n')).toEqual([
      '| Variable | Description | Default | Required | Sensitive |',
      '|---|---|---|---|---|',
      '| `MONGO_URL` | MongoDB connection string (e.g. `mongodb://127.0.0.1:27217/`) | — | yes | yes |',
      "| `MONGO_DB` | The service's database name | `buqi_x` | no | no |",
      '| `HTTP_PORT` | HTTP listen port | `3101` | no | no |',
      '| `HTTP_HOST` | HTTP listen address | `127.0.0.1` | no | no |',
      '| `HTTP_BODY_LIMIT` | Largest request body accepted (larger ones are refused with 413) | `1mb` | no | no |',
      '| `TICK` | Tick \\| period | `30s` | no | no |',
      '| `SECRET` | Signing key | (hidden) | no | yes |',
      '',
    ]);
  });
});

import { HealthCheckRegistry } from './health-check.registry';
import { registerHealthCheck } from './register-health-check';

describe('HealthCheckRegistry', () => {
  it('is ok when every check is up, and an error naming the failing ones otherwise', async () => {
    const registry = new HealthCheckRegistry();
    registry.register({ name: 'mongo', check: async () => undefined });
    expect(await registry.readiness()).toEqual({
      status: 'ok',
      checks: { mongo: { status: 'up', latencyMs: expect.any(Number) } },
    });

    registry.register({ name: 'kafka', check: () => Promise.reject(new Error('broker unreachable')) });
    expect(await registry.readiness()).toMatchObject({
      status: 'error',
      checks: { mongo: { status: 'up' }, kafka: { status: 'down', error: 'broker unreachable' } },
    });
  });

  it('runs the checks concurrently', async () => {
    const registry = new HealthCheckRegistry();
    const slow = () => new Promise((resolve) => setTimeout(resolve, 50));
    registry.register({ name: 'a', check: slow });
    registry.register({ name: 'b', check: slow });
    const started = Date.now();
    await registry.readiness();
    expect(Date.now() - started).toBeLessThan(95);
  });

  it('refuses two checks with one name', () => {
    const registry = new HealthCheckRegistry();
    registry.register({ name: 'redis', check: async () => undefined });
    expect(() => registry.register({ name: 'redis', check: async () => undefined })).toThrow(
      'already registered',
    );
  });

  it('registerHealthCheck builds a provider that adds the check with its dependencies', async () => {
    const provider = registerHealthCheck({
      name: 'kafka',
      timeoutMs: 500,
      inject: ['BROKERS'],
      useFactory: (brokers: string[]) => async () => {
        if (brokers.length === 0) throw new Error('no brokers');
      },
    });
    const registry = new HealthCheckRegistry();

    expect(provider.inject).toEqual([HealthCheckRegistry, 'BROKERS']);
    provider.useFactory(registry, []);
    expect(registry.names()).toEqual(['kafka']);
    expect(await registry.readiness()).toMatchObject({
      checks: { kafka: { status: 'down', error: 'no brokers' } },
    });
  });
});

import { degraded } from './health-check';
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

  it('is degraded, with the reason, when a check works only in part and none is down', async () => {
    const registry = new HealthCheckRegistry();
    registry.register({ name: 'mongo', check: async () => undefined });
    registry.register({ name: 'outbox', check: async () => degraded('2 entries parked') });
    expect(await registry.readiness()).toMatchObject({
      status: 'degraded',
      checks: { mongo: { status: 'up' }, outbox: { status: 'degraded', reason: '2 entries parked' } },
    });
    registry.register({ name: 'kafka', check: () => Promise.reject(new Error('down')) });
    expect((await registry.readiness()).status).toBe('error');
  });

  it('runs the checks concurrently: a slow check does not delay the others', async () => {
    const registry = new HealthCheckRegistry();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    registry.register({ name: 'slow', check: () => gate.then(() => void order.push('slow')) });
    registry.register({
      name: 'fast',
      check: async () => {
        order.push('fast');
        release();
      },
    });
    // Run one after the other, the slow check would wait forever for the fast one to open its gate.
    expect((await registry.readiness()).status).toBe('ok');
    expect(order).toEqual(['fast', 'slow']);
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

import { registerSetUpStep, SetUpRegistry } from './set-up-step';

describe('SetUpRegistry', () => {
  it('lists the steps in the order they were registered, and refuses a second step of one name', async () => {
    const registry = new SetUpRegistry();
    registry.register({ name: 'mongo-indexes', run: async () => ({ collections: {} }) });
    registry.register({ name: 'kafka-topics', run: async () => ({ created: [] }) });
    expect(registry.list().map((s) => s.name)).toEqual(['mongo-indexes', 'kafka-topics']);
    expect(() => registry.register({ name: 'kafka-topics', run: async () => ({}) })).toThrow(
      'A set-up step named "kafka-topics" is already registered',
    );
  });

  it('gets a step from a provider, built from what the provider injects', async () => {
    const registry = new SetUpRegistry();
    const provider = registerSetUpStep({
      name: 'kafka-topics',
      inject: ['LIFECYCLE'],
      useFactory: (lifecycle: { setUp(): Promise<{ created: string[] }> }) => () => lifecycle.setUp(),
    });
    expect(provider.inject).toEqual([SetUpRegistry, 'LIFECYCLE']);
    provider.useFactory(registry, { setUp: async () => ({ created: ['site.state.v1'] }) });
    expect(await registry.list()[0]?.run()).toEqual({ created: ['site.state.v1'] });
  });
});

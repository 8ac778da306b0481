import { NotFoundError } from '@buqi/domain-kernel';
import type { AwaitedFactRepository } from '../persistence/awaited-fact.repository';
import type { ConsiderShortfall } from './consider-shortfall.use-case';
import { ReconsiderCandidates } from './reconsider-candidates.use-case';

type Outcome = Awaited<ReturnType<ConsiderShortfall['reconsider']>>;

function setUp(waiting: Record<string, string[]>, outcomes: Record<string, Outcome | Error>) {
  const released: { fact: string; ids: readonly string[] }[] = [];
  const considered: string[] = [];
  const awaited = {
    waiting: async (fact: string) => waiting[fact] ?? [],
    release: async (fact: string, ids: readonly string[]) => void released.push({ fact, ids }),
  } as unknown as AwaitedFactRepository;
  const consider = {
    reconsider: async (id: string) => {
      considered.push(id);
      const o = outcomes[id];
      if (o instanceof Error) throw o;
      return o;
    },
  } as unknown as ConsiderShortfall;
  return { use: new ReconsiderCandidates(awaited, consider), released, considered };
}

describe('ReconsiderCandidates', () => {
  it('considers each candidate waiting for the asset, and releases all but those still waiting', async () => {
    const { use, released, considered } = setUp(
      { 'asset:NY-RD-031': ['a', 'b', 'c', 'gone'] },
      { a: 'decided', b: 'waiting', c: 'unchanged', gone: new NotFoundError('candidate', 'gone') },
    );
    expect(await use.ofAsset('NY-RD-031')).toBe(1);
    expect(considered).toEqual(['a', 'b', 'c', 'gone']);
    expect(released).toEqual([{ fact: 'asset:NY-RD-031', ids: ['a', 'c', 'gone'] }]);
  });

  it('reads the task type’s fact for a quota version', async () => {
    const { use, released } = setUp({ 'task:device-repair': ['d'] }, { d: 'decided' });
    expect(await use.needing('device-repair')).toBe(1);
    expect(released).toEqual([{ fact: 'task:device-repair', ids: ['d'] }]);
  });

  it('releases nothing when a candidate fails to be considered: the fact’s redelivery tries again', async () => {
    const { use, released } = setUp({ 'asset:x': ['a', 'b'] }, { a: 'decided', b: new Error('store down') });
    await expect(use.ofAsset('x')).rejects.toThrow('store down');
    expect(released).toEqual([]);
  });
});

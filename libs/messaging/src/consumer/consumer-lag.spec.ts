import { lagOf, readConsumerLag } from './consumer-lag';

describe('consumer lag', () => {
  it('is the high watermark less the committed offset, per partition', () => {
    expect(
      lagOf(
        'orders',
        [
          { partition: 1, low: '0', high: '10' },
          { partition: 0, low: '0', high: '5' },
        ],
        [
          { partition: 0, offset: '5' },
          { partition: 1, offset: '4' },
        ],
      ),
    ).toEqual([
      { topic: 'orders', partition: 0, lag: 0 },
      { topic: 'orders', partition: 1, lag: 6 },
    ]);
  });

  it('counts what is left in the log where the group committed nothing, or committed before the log start', () => {
    expect(
      lagOf(
        't',
        [
          { partition: 0, low: '3', high: '8' },
          { partition: 1, low: '20', high: '25' },
          { partition: 2, low: '0', high: '0' },
        ],
        [
          { partition: 0, offset: '-1' },
          { partition: 1, offset: '2' },
        ],
      ),
    ).toEqual([
      { topic: 't', partition: 0, lag: 5 },
      { topic: 't', partition: 1, lag: 5 },
      { topic: 't', partition: 2, lag: 0 },
    ]);
  });

  it('never goes below zero (a watermark read before a commit it then trails)', () => {
    expect(lagOf('t', [{ partition: 0, low: '0', high: '4' }], [{ partition: 0, offset: '6' }])).toEqual([
      { topic: 't', partition: 0, lag: 0 },
    ]);
  });

  it('asks the admin client for the prefixed topics and names them without the prefix', async () => {
    const admin = {
      fetchTopicOffsets: jest.fn(async (topic: string) => [
        {
          partition: 0,
          offset: topic === 'env.a' ? '7' : '2',
          high: topic === 'env.a' ? '7' : '2',
          low: '0',
        },
      ]),
      fetchOffsets: jest.fn(async () => [
        { topic: 'env.a', partitions: [{ partition: 0, offset: '3', metadata: null }] },
        { topic: 'env.b', partitions: [{ partition: 0, offset: '-1', metadata: null }] },
      ]),
    };
    await expect(readConsumerLag(admin, 'env.group', ['a', 'b'], 'env.')).resolves.toEqual([
      { topic: 'a', partition: 0, lag: 4 },
      { topic: 'b', partition: 0, lag: 2 },
    ]);
    expect(admin.fetchOffsets).toHaveBeenCalledWith({ groupId: 'env.group', topics: ['env.a', 'env.b'] });
    await expect(readConsumerLag(admin, 'g', [])).resolves.toEqual([]);
  });
});

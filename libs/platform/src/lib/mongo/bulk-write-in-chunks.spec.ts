import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { bulkWriteInChunks, ChunkedBulkWriteError } from './bulk-write-in-chunks';

interface Doc {
  _id: number;
  n: number;
}

/** A model whose bulkWrite records each command's size and can fail chosen chunks. */
function fakeModel(failAt: (firstId: number) => Error | undefined = () => undefined) {
  const commands: { size: number; ordered: boolean }[] = [];
  const model = {
    bulkWrite: async (ops: AnyBulkWriteOperation<Doc>[], options: { ordered: boolean }) => {
      commands.push({ size: ops.length, ordered: options.ordered });
      const first = ops[0];
      const failure = 'updateOne' in first ? failAt(first.updateOne.filter._id as number) : undefined;
      if (failure) throw failure;
      return {
        insertedCount: 0,
        matchedCount: ops.length,
        modifiedCount: ops.length,
        deletedCount: 0,
        upsertedCount: 1,
        insertedIds: {},
        upsertedIds: { 0: `up-${String(first && 'updateOne' in first ? first.updateOne.filter._id : '')}` },
      };
    },
  };
  return { model: model as unknown as Model<Doc>, commands };
}

const updates = (count: number): AnyBulkWriteOperation<Doc>[] =>
  Array.from({ length: count }, (_, i) => ({
    updateOne: { filter: { _id: i }, update: { $set: { n: i } } },
  }));

describe('bulkWriteInChunks', () => {
  it('sends commands of at most chunkSize operations and sums their results', async () => {
    const { model, commands } = fakeModel();
    const result = await bulkWriteInChunks(model, updates(250));
    expect(commands.map((c) => c.size)).toEqual([50, 50, 50, 50, 50]);
    expect(result).toMatchObject({ matchedCount: 250, modifiedCount: 250, upsertedCount: 5 });
    // Ids are keyed by the operation's index in the whole list.
    expect(result.upsertedIds).toEqual({
      0: 'up-0',
      50: 'up-50',
      100: 'up-100',
      150: 'up-150',
      200: 'up-200',
    });
  });

  it('never sends 100 statements, whatever the chunk size asked', async () => {
    const { model, commands } = fakeModel();
    await bulkWriteInChunks(model, updates(199), { chunkSize: 99 });
    expect(commands.map((c) => c.size)).toEqual([99, 99, 1]);
    await expect(bulkWriteInChunks(model, updates(1), { chunkSize: 100 })).rejects.toThrow('from 1 to 99');
    await expect(bulkWriteInChunks(model, updates(1), { chunkSize: 0 })).rejects.toThrow('from 1 to 99');
  });

  it('sends nothing for no operations', async () => {
    const { model, commands } = fakeModel();
    expect(await bulkWriteInChunks(model, [])).toMatchObject({ matchedCount: 0 });
    expect(commands).toEqual([]);
  });

  it('ordered: stops at the first failing chunk, reporting what was written and the cause', async () => {
    const boom = new Error('write failed');
    const { model, commands } = fakeModel((first) => (first === 50 ? boom : undefined));
    const error = await bulkWriteInChunks(model, updates(200)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkedBulkWriteError);
    expect(error).toMatchObject({
      result: { matchedCount: 50 },
      failures: [{ start: 50, error: boom }],
      cause: boom,
    });
    expect(commands.map((c) => [c.size, c.ordered])).toEqual([
      [50, true],
      [50, true],
    ]);
  });

  it('unordered: runs every chunk, then reports each failure', async () => {
    const { model, commands } = fakeModel((first) =>
      first === 0 || first === 100 ? new Error(`at ${first}`) : undefined,
    );
    const error = await bulkWriteInChunks(model, updates(150), { ordered: false }).catch((e: unknown) => e);
    expect(commands.map((c) => [c.size, c.ordered])).toEqual([
      [50, false],
      [50, false],
      [50, false],
    ]);
    expect(error).toMatchObject({ result: { matchedCount: 50 }, failures: [{ start: 0 }, { start: 100 }] });
  });
});

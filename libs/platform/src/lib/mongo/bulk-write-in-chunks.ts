import type { AnyBulkWriteOperation, Model, mongo } from 'mongoose';

/** FerretDB 1.24 hangs (and may stop answering anyone) on an update command of 100 or more statements. */
export const FERRETDB_MAX_STATEMENTS = 99;

export interface BulkWriteInChunksOptions {
  /** Operations per command, 1 to 99; 50 by default. */
  readonly chunkSize?: number;
  /** As bulkWrite's: ordered (default) stops at the first failing chunk; unordered runs every chunk. */
  readonly ordered?: boolean;
}

/** The summed result of every chunk; id maps are keyed by the operation's index in the whole list. */
export interface BulkWriteSummary {
  insertedCount: number;
  matchedCount: number;
  modifiedCount: number;
  deletedCount: number;
  upsertedCount: number;
  insertedIds: Record<number, unknown>;
  upsertedIds: Record<number, unknown>;
}

interface ChunkFailure {
  /** Index in the whole list of the chunk's first operation. */
  readonly start: number;
  readonly error: unknown;
}

/** Some chunks failed; `result` sums what was written; `cause` is the first chunk's error. */
export class ChunkedBulkWriteError extends Error {
  override readonly name = 'ChunkedBulkWriteError';
  constructor(
    readonly result: BulkWriteSummary,
    readonly failures: readonly ChunkFailure[],
  ) {
    super(
      `bulk write failed in ${failures.length} chunk(s), first at operation ${failures[0]?.start}: ${String(
        failures[0]?.error instanceof Error ? failures[0].error.message : failures[0]?.error,
      )}`,
      { cause: failures[0]?.error },
    );
  }
}

/**
 * Model.bulkWrite in commands of at most `chunkSize` operations, one command at a time. Use it for
 * every bulkWrite that may carry 100 or more operations: FerretDB (the local engine) hangs on an
 * update command of 100 statements that match documents. updateMany, insertMany and deleteMany are
 * not affected. Not atomic, like bulkWrite itself.
 */
export async function bulkWriteInChunks<T extends mongo.Document>(
  model: Model<T>,
  operations: readonly AnyBulkWriteOperation<T>[],
  options: BulkWriteInChunksOptions = {},
): Promise<BulkWriteSummary> {
  const chunkSize = options.chunkSize ?? 50;
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > FERRETDB_MAX_STATEMENTS) {
    throw new Error(`chunkSize must be an integer from 1 to ${FERRETDB_MAX_STATEMENTS}, got ${chunkSize}`);
  }
  const ordered = options.ordered ?? true;
  // Mongoose types bulkWrite's operations through a conditional type TypeScript cannot resolve for a generic T.
  const bulkWrite = model.bulkWrite.bind(model) as unknown as (
    chunk: readonly AnyBulkWriteOperation<T>[],
    options: { ordered: boolean },
  ) => Promise<ResultLike>;
  const summary = emptySummary();
  const failures: ChunkFailure[] = [];
  for (let start = 0; start < operations.length; start += chunkSize) {
    try {
      add(summary, await bulkWrite(operations.slice(start, start + chunkSize), { ordered }), start);
    } catch (error) {
      // A write error still reports what the chunk did write.
      const partial = (error as { result?: unknown } | null)?.result;
      if (isResult(partial)) add(summary, partial, start);
      failures.push({ start, error });
      if (ordered) break;
    }
  }
  if (failures.length > 0) throw new ChunkedBulkWriteError(summary, failures);
  return summary;
}

type ResultLike = Omit<BulkWriteSummary, 'insertedIds' | 'upsertedIds'> & {
  insertedIds?: Record<number, unknown>;
  upsertedIds?: Record<number, unknown>;
};

const isResult = (value: unknown): value is ResultLike =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<ResultLike>).matchedCount === 'number';

const emptySummary = (): BulkWriteSummary => ({
  insertedCount: 0,
  matchedCount: 0,
  modifiedCount: 0,
  deletedCount: 0,
  upsertedCount: 0,
  insertedIds: {},
  upsertedIds: {},
});

function add(summary: BulkWriteSummary, result: ResultLike, offset: number): void {
  summary.insertedCount += result.insertedCount;
  summary.matchedCount += result.matchedCount;
  summary.modifiedCount += result.modifiedCount;
  summary.deletedCount += result.deletedCount;
  summary.upsertedCount += result.upsertedCount;
  for (const [index, id] of Object.entries(result.insertedIds ?? {}))
    summary.insertedIds[offset + Number(index)] = id;
  for (const [index, id] of Object.entries(result.upsertedIds ?? {}))
    summary.upsertedIds[offset + Number(index)] = id;
}

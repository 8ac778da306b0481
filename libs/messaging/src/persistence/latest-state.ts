import mongoose, { type Model, type UpdateQuery } from 'mongoose';
import { isDuplicateKey } from '../consumer/errors';

/**
 * Keeps another service's entity as its newest known state, from a latest-state topic (compacted,
 * every event the whole state with a growing version): the write applies only over an older version,
 * so a redelivered, duplicated or out-of-order event changes nothing. Returns whether it applied.
 */
export async function applyLatestState<T extends { _id: string; version: number }>(
  model: Model<T>,
  state: T,
): Promise<'applied' | 'stale'> {
  const { _id, ...rest } = state;
  try {
    const r = await model.updateOne(
      // An operator of ours, so marked trusted for the platform's sanitizeFilter.
      { _id, version: mongoose.trusted({ $lt: state.version }) },
      { $set: rest } as UpdateQuery<T>,
      { upsert: true, runValidators: true },
    );
    return r.matchedCount === 1 || r.upsertedCount === 1 ? 'applied' : 'stale';
  } catch (err) {
    // The document exists at this version or a newer one: the upsert's insert collides with it.
    if (isDuplicateKey(err)) return 'stale';
    throw err;
  }
}

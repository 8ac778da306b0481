import type { Connection } from 'mongoose';

/**
 * Every model of the connection gets its collection and the indexes its schema declares — what
 * Mongoose starts by itself (autoIndex) when a service builds its models, here awaited so a failure
 * is reported instead of swallowed. Existing indexes are left as they are (no syncIndexes: an index
 * an operator added is never dropped). Returns each collection's index names as the store lists them.
 */
export async function ensureModelIndexes(
  conn: Connection,
): Promise<{ collections: Record<string, string[]> }> {
  const collections: Record<string, string[]> = {};
  // One model after the other: a set-up run has time, and the store other instances use has not.
  for (const model of Object.values(conn.models)) {
    await model.init();
    await model.createIndexes();
    const indexes = await model.collection.listIndexes().toArray();
    collections[model.collection.collectionName] = indexes.map((i) => String(i['name']));
  }
  return { collections };
}

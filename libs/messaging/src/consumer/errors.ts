/** Throw from a handler when retrying cannot help (the message goes straight to the dead-letter topic). */
export class NonRetriableError extends Error {
  override readonly name = 'NonRetriableError';
}

export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number } | null)?.code === 11000;
}

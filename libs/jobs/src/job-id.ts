const SAFE = /^[A-Za-z0-9._-]{1,200}$/;

/** BullMQ uses ':' as its key separator; names and ids keep to a safe alphabet everywhere. */
export function assertSafeName(what: string, value: string): void {
  if (!SAFE.test(value)) {
    throw new Error(`${what} "${value}" must be 1-200 characters of A-Z, a-z, 0-9, '.', '_' or '-'`);
  }
}

export function assertJobId(jobId: string): void {
  assertSafeName('jobId', jobId);
}

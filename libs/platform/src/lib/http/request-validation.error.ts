import type { FieldProblem } from './problem';

export type RequestLocation = 'body' | 'query' | 'params';

/** One refused field of a request. */
export interface RequestIssue extends FieldProblem {
  readonly location: RequestLocation;
}

/** A request that does not satisfy its schema; `issues` lists every bad field (answered 400). */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  constructor(readonly issues: readonly RequestIssue[]) {
    super(`Invalid request: ${issues.map((i) => `${i.location} ${i.field} ${i.reason}`).join('; ')}`);
  }
}

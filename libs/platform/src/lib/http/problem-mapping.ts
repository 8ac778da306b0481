import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import mongoose from 'mongoose';
import { ConflictError, DomainValidationError, NotFoundError } from '@buqi/domain-kernel';
import type { FieldProblem } from './problem';
import { RequestBodyError, toRequestBodyError } from './request-body.error';
import { RequestValidationError } from './request-validation.error';

/** What an error answers, before the request-specific members (type, instance, correlationId) are added. */
export interface ProblemOutline {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors?: readonly FieldProblem[];
  /** Extension members, e.g. a conflict's `details`. */
  readonly extensions?: Readonly<Record<string, unknown>>;
  /** A fault of this service, not of the request: logged with the error, answered with a generic detail. */
  readonly fault: boolean;
  /** Response headers the answer carries, e.g. Retry-After. */
  readonly headers?: Readonly<Record<string, string>>;
}

export const INTERNAL_ERROR_DETAIL =
  'The service could not handle the request. Quote the correlation id when reporting this.';

export const UNAVAILABLE_DETAIL =
  'The service cannot reach its database just now. Retry in a few seconds; a change cut off this way may or may not have been made.';
/** Seconds a client is asked to wait before retrying a request that met an unreachable database. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

// Members every problem has; an HttpException's own body cannot overwrite them.
const RESERVED = new Set([
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'code',
  'errors',
  'correlationId',
]);

const { CastError, StrictModeError, ValidationError } = mongoose.Error;

/** Maps anything a handler, guard, pipe or middleware threw to the answer it deserves. */
export function problemFor(error: unknown): ProblemOutline {
  if (error instanceof RequestValidationError) {
    return outline(
      400,
      'invalid-request',
      'Invalid request',
      describeCount(error.issues.length),
      error.issues,
    );
  }
  if (error instanceof RequestBodyError)
    return outline(error.status, error.code, titleOf(error.status), error.message);
  if (error instanceof DomainValidationError) {
    return outline(422, 'invalid-value', 'Invalid value', error.message, [
      { field: error.field, value: error.value, reason: error.reason },
    ]);
  }
  if (error instanceof NotFoundError) {
    return {
      ...outline(404, 'not-found', 'Not found', error.message),
      extensions: { resource: error.resource, id: error.id },
    };
  }
  if (error instanceof ConflictError) {
    return { ...outline(409, error.code, 'Conflict', error.message), extensions: { details: error.details } };
  }
  if (isDuplicateKey(error)) {
    return outline(409, 'duplicate', 'Duplicate', 'A record with the same identity already exists');
  }
  if (error instanceof HttpException) return fromHttpException(error);
  const mongooseProblems = fromMongoose(error);
  if (mongooseProblems) {
    return outline(
      400,
      'invalid-request',
      'Invalid request',
      describeCount(mongooseProblems.length),
      mongooseProblems,
    );
  }
  const bodyError = toRequestBodyError(error);
  if (bodyError) return problemFor(bodyError);
  if (isDatabaseUnreachable(error)) {
    return {
      status: 503,
      code: 'database-unavailable',
      title: 'Service unavailable',
      detail: UNAVAILABLE_DETAIL,
      headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_S) },
      fault: true,
    };
  }
  return {
    status: 500,
    code: 'internal-error',
    title: 'Internal error',
    detail: INTERNAL_ERROR_DETAIL,
    fault: true,
  };
}

function outline(
  status: number,
  code: string,
  title: string,
  detail: string,
  errors?: readonly FieldProblem[],
): ProblemOutline {
  return errors === undefined
    ? { status, code, title, detail, fault: false }
    : { status, code, title, detail, errors, fault: false };
}

const describeCount = (count: number): string =>
  count === 1 ? 'One field is invalid' : `${count} fields are invalid`;

const titleOf = (status: number): string => STATUS_CODES[status] ?? `HTTP ${status}`;

/** `Too Many Requests` → `too-many-requests`. */
const codeOf = (status: number): string =>
  titleOf(status)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Thrown deliberately (guards, health, controllers): its status and message, headers set before
 * the throw (WWW-Authenticate, Retry-After) kept. A body object of its own (the readiness report)
 * travels as extension members.
 */
function fromHttpException(error: HttpException): ProblemOutline {
  const status = error.getStatus();
  const body = error.getResponse();
  const base = outline(status, codeOf(status), titleOf(status), error.message);
  if (typeof body === 'string') return { ...base, detail: body };
  const message: unknown = (body as Record<string, unknown>)['message'];
  if (typeof message === 'string') return { ...base, detail: message };
  if (Array.isArray(message)) return { ...base, detail: message.map(String).join('; ') };
  const extensions = Object.fromEntries(Object.entries(body).filter(([key]) => !RESERVED.has(key)));
  return { ...base, detail: titleOf(status), extensions };
}

function fromMongoose(error: unknown): FieldProblem[] | undefined {
  if (error instanceof ValidationError) {
    return Object.values(error.errors).map((e) =>
      e instanceof CastError
        ? castProblem(e)
        : { field: e.path, value: e.value, reason: e.kind === 'required' ? 'is required' : e.message },
    );
  }
  if (error instanceof CastError) return [castProblem(error)];
  if (error instanceof StrictModeError) return [{ field: error.path, reason: 'is not a known field' }];
  return undefined;
}

const castProblem = (e: InstanceType<typeof CastError>): FieldProblem => ({
  field: e.path,
  value: e.value,
  reason: `is not a valid ${e.kind}`,
});

const { MongoNetworkError, MongoServerSelectionError, MongoNotConnectedError, MongoTopologyClosedError } =
  mongoose.mongo;

/**
 * The database could not be reached or dropped the connection mid-request (a network error, a
 * timed-out server selection, a pool cleared by the server monitor, a client closing, an operation
 * Mongoose held while disconnected and gave up on): the request
 * was not wrong, and the same request may succeed in a moment.
 */
function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  if (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof mongoose.Error.MongooseServerSelectionError ||
    // Mongoose holds operations while it is disconnected and gives up on them after a while.
    (error instanceof mongoose.Error && /buffering timed out after/.test(error.message))
  )
    return true;
  // The driver reports a bulk write cut off by the network as a server error that keeps the
  // network error it met as its errorResponse.
  if (
    error instanceof mongoose.mongo.MongoServerError &&
    isDatabaseUnreachable(error.errorResponse, depth + 1)
  )
    return true;
  return isDatabaseUnreachable(error.cause, depth + 1);
}

/** MongoDB's E11000, thrown directly or as the cause of a wrapping error (e.g. a chunked bulk write). */
function isDuplicateKey(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  if (error instanceof mongoose.mongo.MongoServerError && error.code === 11000) return true;
  return isDuplicateKey(error.cause, depth + 1);
}

import {
  ForbiddenException,
  HttpException,
  NotFoundException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import mongoose from 'mongoose';
import { ConflictError, DomainValidationError, NotFoundError } from '@buqi/domain-kernel';
import { INTERNAL_ERROR_DETAIL, UNAVAILABLE_DETAIL, problemFor } from './problem-mapping';
import { RequestBodyError } from './request-body.error';
import { RequestValidationError } from './request-validation.error';

describe('problemFor', () => {
  it('maps a request validation failure to 400 listing every field', () => {
    const issues = [
      { location: 'body', field: 'name', value: '', reason: 'must NOT have fewer than 1 characters' },
      { location: 'query', field: 'page', value: '0', reason: 'must be >= 1' },
    ] as const;
    expect(problemFor(new RequestValidationError(issues))).toEqual({
      status: 400,
      code: 'invalid-request',
      title: 'Invalid request',
      detail: '2 fields are invalid',
      errors: issues,
      fault: false,
    });
  });

  it('maps domain errors: invalid value 422, not found 404, conflict 409 with its code and details', () => {
    expect(problemFor(new DomainValidationError('budget', -5, 'must not be negative'))).toEqual({
      status: 422,
      code: 'invalid-value',
      title: 'Invalid value',
      detail: 'budget must not be negative (got -5)',
      errors: [{ field: 'budget', value: -5, reason: 'must not be negative' }],
      fault: false,
    });
    expect(problemFor(new NotFoundError('site', 's-1'))).toMatchObject({
      status: 404,
      code: 'not-found',
      detail: 'site "s-1" does not exist',
      extensions: { resource: 'site', id: 's-1' },
    });
    const conflict = new ConflictError('illegal-transition', 'A completed order cannot be assigned', {
      current: 'completed',
      allowed: ['verify', 'reopen'],
    });
    expect(problemFor(conflict)).toEqual({
      status: 409,
      code: 'illegal-transition',
      title: 'Conflict',
      detail: 'A completed order cannot be assigned',
      extensions: { details: { current: 'completed', allowed: ['verify', 'reopen'] } },
      fault: false,
    });
  });

  it('maps a duplicate key, direct or as a cause, to 409 duplicate without echoing the key', () => {
    const duplicate = new mongoose.mongo.MongoServerError({
      message: 'E11000 duplicate key error collection: db.sites index: _id_ dup key: { _id: "secret" }',
      code: 11000,
    });
    expect(problemFor(duplicate)).toMatchObject({ status: 409, code: 'duplicate', fault: false });
    expect(JSON.stringify(problemFor(duplicate))).not.toContain('secret');
    expect(problemFor(new Error('chunk failed', { cause: duplicate }))).toMatchObject({
      status: 409,
      code: 'duplicate',
    });
    const other = new mongoose.mongo.MongoServerError({ message: 'not implemented', code: 238 });
    expect(problemFor(other)).toMatchObject({ status: 500, fault: true });
  });

  it('maps Mongoose cast, validation and strict-mode errors to 400 naming the fields', () => {
    const cast = new mongoose.Error.CastError('ObjectId', 'nope', '_id');
    expect(problemFor(cast)).toMatchObject({
      status: 400,
      code: 'invalid-request',
      errors: [{ field: '_id', value: 'nope', reason: 'is not a valid ObjectId' }],
    });

    const Model = mongoose.model(
      'ProblemMappingProbe',
      new mongoose.Schema({ name: { type: String, required: true }, size: { type: Number, min: 1 } }),
    );
    const invalid = new Model({ size: 0 }).validateSync();
    expect(problemFor(invalid)).toMatchObject({
      status: 400,
      errors: expect.arrayContaining([
        { field: 'name', value: undefined, reason: 'is required' },
        expect.objectContaining({ field: 'size', value: 0 }),
      ]),
    });
    expect(problemFor(new mongoose.Error.StrictModeError('role'))).toMatchObject({
      status: 400,
      errors: [{ field: 'role', reason: 'is not a known field' }],
    });
  });

  it('keeps an HttpException status and message', () => {
    expect(problemFor(new UnauthorizedException('The token has expired'))).toEqual({
      status: 401,
      code: 'unauthorized',
      title: 'Unauthorized',
      detail: 'The token has expired',
      fault: false,
    });
    expect(problemFor(new ForbiddenException())).toMatchObject({
      status: 403,
      code: 'forbidden',
      detail: 'Forbidden',
    });
    expect(problemFor(new HttpException('Slow down', 429))).toMatchObject({
      status: 429,
      code: 'too-many-requests',
      detail: 'Slow down',
    });
    expect(problemFor(new NotFoundException('Cannot GET /nope'))).toMatchObject({
      status: 404,
      code: 'not-found',
      detail: 'Cannot GET /nope',
    });
  });

  it('carries a body object of its own as extension members, never over the standard ones', () => {
    const report = { status: 'error', checks: { redis: { status: 'down', error: 'ECONNREFUSED' } } };
    expect(problemFor(new ServiceUnavailableException(report))).toEqual({
      status: 503,
      code: 'service-unavailable',
      title: 'Service Unavailable',
      detail: 'Service Unavailable',
      extensions: { checks: report.checks },
      fault: false,
    });
  });

  it('maps body-parser failures, converted or raw, to 400, 413 and 415', () => {
    expect(problemFor(new RequestBodyError(413, 'payload-too-large', 'too big'))).toMatchObject({
      status: 413,
      code: 'payload-too-large',
      title: 'Payload Too Large',
    });
    const raw = Object.assign(new Error('unsupported charset "LATIN7"'), {
      type: 'charset.unsupported',
      status: 415,
      expose: true,
    });
    expect(problemFor(raw)).toMatchObject({ status: 415, code: 'unsupported-media-type', fault: false });
  });

  it('answers an unreachable database with 503 and Retry-After: the request may succeed in a moment', () => {
    const unavailable = {
      status: 503,
      code: 'database-unavailable',
      title: 'Service unavailable',
      detail: UNAVAILABLE_DETAIL,
      headers: { 'Retry-After': '5' },
      fault: true,
    };
    const { mongo } = mongoose;
    // What the driver throws when the server monitor times out mid-request (a subclass of it).
    expect(problemFor(new mongo.MongoNetworkTimeoutError('connection <monitor> timed out'))).toEqual(
      unavailable,
    );
    expect(problemFor(new mongo.MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27217'))).toEqual(
      unavailable,
    );
    expect(problemFor(new mongo.MongoNotConnectedError('not connected'))).toEqual(unavailable);
    expect(problemFor(new mongo.MongoTopologyClosedError())).toEqual(unavailable);
    const selection = new mongoose.Error.MongooseServerSelectionError(
      'Server selection timed out after 10000 ms',
    );
    expect(problemFor(selection)).toEqual(unavailable);
    const buffered = new mongoose.Error('Operation `sites.findOne()` buffering timed out after 10000ms');
    expect(problemFor(buffered)).toEqual(unavailable);
    // Wrapped, as a chunked write reports it.
    expect(
      problemFor(new Error('bulk write failed', { cause: new mongo.MongoNetworkError('socket closed') })),
    ).toEqual(unavailable);
    // A bulk write whose connection was reset, as bulkWriteInChunks wraps it.
    const reset = new mongo.MongoBulkWriteError(new mongo.MongoNetworkError('read ECONNRESET'), {} as never);
    expect(problemFor(new Error('bulk write failed in 1 chunk(s)', { cause: reset }))).toEqual(unavailable);
    // A server that answered with an error is not unreachable.
    expect(problemFor(new mongo.MongoServerError({ message: 'bad', code: 2 }))).toMatchObject({
      status: 500,
    });
    const refused = new mongo.MongoBulkWriteError(
      { message: 'E11000 duplicate key', code: 11000 },
      {} as never,
    );
    expect(problemFor(refused)).toMatchObject({ status: 409 });
  });

  it('answers anything else as a 500 fault with a generic detail', () => {
    const outline = problemFor(new TypeError("Cannot read properties of undefined (reading 'db')"));
    expect(outline).toEqual({
      status: 500,
      code: 'internal-error',
      title: 'Internal error',
      detail: INTERNAL_ERROR_DETAIL,
      fault: true,
    });
    expect(problemFor('a string')).toMatchObject({ status: 500, fault: true });
    // A parser's own fault (not exposed) stays a server error.
    const unexposed = Object.assign(new Error('stream encoding should not be set'), {
      type: 'stream.encoding.set',
      status: 500,
      expose: false,
    });
    expect(problemFor(unexposed)).toMatchObject({ status: 500, fault: true });
  });
});

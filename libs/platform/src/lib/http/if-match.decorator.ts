import { createParamDecorator, HttpException, HttpStatus, type ExecutionContext } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiHeader } from '@nestjs/swagger';
import { RequestValidationError } from './request-validation.error';

/** The ETag of a version: a strong validator, the version number in quotes. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Sets the ETag of the representation being answered, so a client can send it back in If-Match. */
export function setEtag(response: ServerResponse, version: number): void {
  response.setHeader('ETag', etagOf(version));
}

/** The version named by an If-Match header (`"3"`), or undefined when there is none. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  const match = /^\s*"(\d{1,15})"\s*$/.exec(value);
  if (!match)
    throw new RequestValidationError([
      { location: 'params', field: 'If-Match', value, reason: 'must be the ETag you read, e.g. "3"' },
    ]);
  return Number(match[1]);
}

const readIfMatch = createParamDecorator(
  (required: boolean, context: ExecutionContext): number | undefined => {
    const version = parseIfMatch(context.switchToHttp().getRequest<IncomingMessage>().headers['if-match']);
    if (version === undefined && required)
      throw new HttpException(
        'This change needs the If-Match header with the ETag you read (e.g. If-Match: "3"), so that it cannot overwrite a change you have not seen',
        HttpStatus.PRECONDITION_REQUIRED,
      );
    return version;
  },
);

/**
 * The version a client read (its If-Match header), for a version-guarded change: a stale one is a
 * 409 from the store; a missing one is a 428 when `required`.
 */
export function IfMatch(options: { required: boolean }): ParameterDecorator {
  return (target, key, index) => {
    readIfMatch(options.required)(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor)
      ApiHeader({
        name: 'If-Match',
        required: options.required,
        description: 'The ETag of the version you read, e.g. "3"',
      })(target, key, descriptor);
  };
}

import { RequestBodyError, toRequestBodyError } from './request-body.error';

const parserError = (message: string, fields: Record<string, unknown>) =>
  Object.assign(new Error(message), { expose: true, ...fields });

describe('toRequestBodyError', () => {
  it('converts what body-parser reports about the client', () => {
    expect(
      toRequestBodyError(
        parserError('Unexpected end of JSON input', { type: 'entity.parse.failed', status: 400 }),
      ),
    ).toEqual(
      new RequestBodyError(
        400,
        'malformed-json',
        'The request body is not valid JSON: Unexpected end of JSON input',
      ),
    );
    expect(
      toRequestBodyError(
        parserError('request entity too large', { type: 'entity.too.large', status: 413, limit: 1024 }),
      ),
    ).toMatchObject({
      status: 413,
      code: 'payload-too-large',
      message: 'The request body is larger than the limit of 1024 bytes',
    });
    expect(
      toRequestBodyError(
        parserError('unsupported content encoding "br2"', { type: 'encoding.unsupported', status: 415 }),
      ),
    ).toMatchObject({ status: 415, code: 'unsupported-media-type' });
  });

  it('leaves everything else alone', () => {
    expect(toRequestBodyError(new Error('boom'))).toBeUndefined();
    expect(
      toRequestBodyError(
        parserError('internal', { type: 'stream.encoding.set', status: 500, expose: false }),
      ),
    ).toBeUndefined();
  });
});

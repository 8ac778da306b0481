import type { IncomingMessage } from 'node:http';
import { RequestBodyError } from './request-body.error';

/** A Content-Type header's media type (lower case) and its charset parameter (as sent), if any. */
export function mediaTypeOf(contentType: string | undefined): { type: string; charset?: string } {
  const [type = '', ...parameters] = (contentType ?? '').split(';').map((p) => p.trim());
  const charset = parameters
    .map((p) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(p)?.[1])
    .find((c) => c !== undefined);
  return { type: type.toLowerCase(), ...(charset && { charset }) };
}

/**
 * A request body the platform does not parse (it parses JSON only): a file. Refused with 415 unless
 * its media type is one of `accept`, with 413 when larger than `limit` (at once when its
 * Content-Length says so, else as soon as it passes the limit; the rest is read and discarded, so
 * the client gets the answer rather than a reset connection), with 400 when cut short.
 */
export function readRawBody(
  request: IncomingMessage,
  options: {
    readonly limit: number;
    readonly accept: readonly string[];
    /** Names the body in messages: 'file', 'photo'. */
    readonly what: string;
    /** Said after the size limit, e.g. what to do instead. */
    readonly hint?: string;
  },
): Promise<{ bytes: Buffer; type: string }> {
  const { type } = mediaTypeOf(request.headers['content-type']);
  if (!options.accept.includes(type))
    return Promise.reject(
      new RequestBodyError(
        415,
        'unsupported-media-type',
        `Send the ${options.what} as ${options.accept.join(' or ')}, not ${type || 'without a Content-Type'}`,
      ),
    );
  const tooLarge = () =>
    new RequestBodyError(
      413,
      'file-too-large',
      `The ${options.what} is larger than the limit of ${options.limit} bytes (${options.limit / 1024 / 1024} MiB)${options.hint ? `: ${options.hint}` : ''}`,
    );
  if (Number(request.headers['content-length']) > options.limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= options.limit) chunks.push(chunk);
      else if (!refused) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
      }
    });
    request.on('end', () => !refused && resolve({ bytes: Buffer.concat(chunks), type }));
    request.on('error', () =>
      reject(new RequestBodyError(400, 'unreadable-body', 'The upload was interrupted before its end')),
    );
  });
}

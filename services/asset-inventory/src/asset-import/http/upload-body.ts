import type { IncomingMessage } from 'node:http';
import { RequestBodyError } from '@buqi/platform';
import { ImportFileError, type FileProblemCode } from '../domain/import-file';
import { isImportType, mediaTypeOf, XLSX_TYPE } from '../reading/import-upload';

const STATUS: Record<FileProblemCode, number> = {
  'file-too-large': 413,
  'unsupported-media-type': 415,
  'unsupported-charset': 415,
  'unreadable-file': 400,
  'missing-columns': 422,
  'duplicate-columns': 422,
  'too-many-rows': 422,
  'no-rows': 422,
};

/** A file the import refused as a whole, as the problem the client gets. */
export function fileProblem(err: unknown): unknown {
  return err instanceof ImportFileError ? new RequestBodyError(STATUS[err.code], err.code, err.message) : err;
}

/**
 * The uploaded file's bytes, up to `limit`. The platform parses JSON only, so a CSV or .xlsx body
 * arrives unread. A body over the limit is refused with 413 (at once when its Content-Length says
 * so, else as soon as it passes the limit); the rest is read and discarded, so the client gets the
 * answer rather than a reset connection.
 */
export function readUpload(request: IncomingMessage, limit: number): Promise<Buffer> {
  const { type } = mediaTypeOf(request.headers['content-type']);
  if (!isImportType(type))
    return Promise.reject(
      new RequestBodyError(
        415,
        'unsupported-media-type',
        `Send the file as text/csv or ${XLSX_TYPE}, not ${type || 'without a Content-Type'}`,
      ),
    );
  const tooLarge = () =>
    new RequestBodyError(
      413,
      'file-too-large',
      `The file is larger than the import limit of ${limit} bytes (${limit / 1024 / 1024} MiB): split it and import the parts`,
    );
  if (Number(request.headers['content-length']) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (!refused) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
      }
    });
    request.on('end', () => !refused && resolve(Buffer.concat(chunks)));
    request.on('error', () =>
      reject(new RequestBodyError(400, 'unreadable-body', 'The upload was interrupted before its end')),
    );
  });
}

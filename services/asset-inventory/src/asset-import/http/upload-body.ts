import type { IncomingMessage } from 'node:http';
import { readRawBody, RequestBodyError } from '@buqi/platform';
import { ImportFileError, type FileProblemCode } from '../domain/import-file';
import { CSV_TYPES, XLSX_TYPE } from '../reading/import-upload';

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
 * The uploaded file's bytes, up to `limit`: text/csv (and the types browsers give .csv files) or
 * .xlsx; 415 for another type, 413 above the limit, 400 when cut short (the platform's reader).
 */
export async function readUpload(request: IncomingMessage, limit: number): Promise<Buffer> {
  const { bytes } = await readRawBody(request, {
    limit,
    accept: [...CSV_TYPES, XLSX_TYPE],
    what: 'file',
    hint: 'split it and import the parts',
  });
  return bytes;
}

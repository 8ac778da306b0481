import { createHash } from 'node:crypto';
import { CsvSyntaxError, parseCsv } from '../domain/csv';
import { IMPORT_LIMITS, ImportFileError, type Sheet } from '../domain/import-file';
import { decodeText, type TextEncoding } from './text-decoding';
import { readXlsx } from './xlsx-sheets';
import { mediaTypeOf } from '@buqi/platform';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Media types read as CSV: browsers on Windows label .csv files application/vnd.ms-excel. */
export const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel', 'text/plain'];

export interface ImportFile {
  readonly format: 'csv' | 'xlsx';
  readonly encoding?: TextEncoding;
  readonly sheets: readonly Sheet[];
  readonly rows: number;
  /** SHA-256 of the bytes, naming the import in the audit trail. */
  readonly digest: string;
}

/** The media type and its charset parameter, lower-cased. */

export { mediaTypeOf };


/** An uploaded file as sheets of rows; refuses one that cannot be read or has too many rows. */
export async function readImportFile(bytes: Buffer, contentType: string | undefined): Promise<ImportFile> {
  const { type, charset } = mediaTypeOf(contentType);
  const digest = createHash('sha256').update(bytes).digest('hex');
  let file: ImportFile;
  if (type === XLSX_TYPE) {
    const sheets = await readXlsx(bytes, IMPORT_LIMITS.maxRows);
    file = { format: 'xlsx', sheets, rows: count(sheets), digest };
  } else if (CSV_TYPES.includes(type)) {
    const { text, encoding } = decodeText(bytes, charset);
    const sheets = csvSheets(text);
    file = { format: 'csv', encoding, sheets, rows: count(sheets), digest };
  } else
    throw new ImportFileError(
      'unsupported-media-type',
      `Send the file as text/csv or ${XLSX_TYPE}, not ${type || 'without a Content-Type'}`,
    );
  if (file.rows > IMPORT_LIMITS.maxRows)
    throw new ImportFileError(
      'too-many-rows',
      `The file has more than ${IMPORT_LIMITS.maxRows} rows, the most one import takes: split it and import the parts (importing a part again changes nothing)`,
    );
  if (file.rows === 0) throw new ImportFileError('no-rows', 'The file has no rows under its header');
  return file;
}

function csvSheets(text: string): Sheet[] {
  try {
    const [header, ...rows] = parseCsv(text);
    return header ? [{ header: header.cells, rows }] : [];
  } catch (err) {
    if (err instanceof CsvSyntaxError)
      throw new ImportFileError('unreadable-file', `The CSV file cannot be read at ${err.message}`);
    throw err;
  }
}

const count = (sheets: readonly Sheet[]) => sheets.reduce((n, s) => n + s.rows.length, 0);

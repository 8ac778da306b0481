import { Readable } from 'node:stream';
import type { CsvRecord } from '../domain/csv';
import { IMPORT_LIMITS, ImportFileError, type Sheet } from '../domain/import-file';
import { unpackedSize } from './zip-size';

/**
 * The sheets of an .xlsx workbook, each cell as text (dates as YYYY-MM-DD, formulas as their
 * result), rows numbered as Excel numbers them. A sheet's first non-empty row is its header; empty
 * sheets are left out. Read as a stream, so a workbook over the row limit is refused as soon as it
 * passes it, without parsing the rest (a whole 100,000-row workbook would hold the event loop for
 * seconds).
 */
export async function readXlsx(bytes: Buffer, maxRows: number): Promise<Sheet[]> {
  const size = unpackedSize(bytes);
  if (size === undefined)
    throw new ImportFileError(
      'unreadable-file',
      'The file is not an .xlsx workbook (no readable zip directory)',
    );
  if (size > IMPORT_LIMITS.maxXlsxUnpackedBytes)
    throw new ImportFileError(
      'file-too-large',
      `The workbook unpacks to ${size} bytes, more than the limit of ${IMPORT_LIMITS.maxXlsxUnpackedBytes}: split it`,
    );
  // Loaded with the first workbook: the library holds about 40 MB that a service never importing one
  // should not carry.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: Sheet[] = [];
  let rows = 0;
  try {
    for await (const worksheet of reader) {
      const records: CsvRecord[] = [];
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => textOf(values[i + 1]));
        if (!cells.some((c) => c.trim() !== '')) continue;
        records.push({ line: row.number, cells });
        // Past the limit the rest is not read: the caller refuses the file for its size.
        if (records.length > 1 && ++rows > maxRows) return [...sheets, sheetOf(worksheet, records)];
      }
      const sheet = sheetOf(worksheet, records);
      if (sheet.header.length) sheets.push(sheet);
    }
  } catch (err) {
    throw new ImportFileError(
      'unreadable-file',
      `The file is not a readable .xlsx workbook: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return sheets;
}

// The stream reader's worksheets carry their name, though its typings leave it out.
function sheetOf(worksheet: object, records: CsvRecord[]): Sheet {
  const [header, ...rows] = records;
  const name = (worksheet as { name?: unknown }).name;
  return { name: typeof name === 'string' ? name : '', header: header?.cells ?? [], rows };
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value !== 'object') return String(value);
  const cell = value as {
    richText?: { text: string }[];
    result?: unknown;
    text?: unknown;
    error?: string;
  };
  if (cell.richText) return cell.richText.map((r) => r.text).join('');
  if ('result' in cell) return textOf(cell.result);
  if (cell.text !== undefined) return textOf(cell.text);
  if (cell.error !== undefined) return cell.error;
  return '';
}

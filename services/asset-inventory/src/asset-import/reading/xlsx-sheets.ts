import type { CsvRecord } from '../domain/csv';
import { IMPORT_LIMITS, ImportFileError, type Sheet } from '../domain/import-file';
import { unpackedSize } from './zip-size';

/**
 * The sheets of an .xlsx workbook, each cell as text (dates as YYYY-MM-DD, formulas as their
 * result), rows numbered as Excel numbers them. A sheet's first non-empty row is its header; empty
 * sheets are left out. The workbook is read whole, and only when it unpacks to at most
 * IMPORT_LIMITS.maxXlsxUnpackedBytes (a 2,000-row sheet of 20 columns is about 2 MB): exceljs 4.4's
 * stream reader sometimes lost the workbook part under load ("reading 'sheets'" of undefined on a
 * file it had read a moment before), so a file's answer depended on timing.
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
      `The workbook unpacks to ${size} bytes, more than the ${IMPORT_LIMITS.maxXlsxUnpackedBytes} an import ` +
        `takes: split it into workbooks of at most ${IMPORT_LIMITS.maxRows} rows`,
    );
  // Loaded with the first workbook: the library holds about 40 MB that a service never importing one
  // should not carry.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types the argument as an ArrayBuffer-backed Buffer; any Buffer is read the same.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new ImportFileError(
      'unreadable-file',
      `The file is not a readable .xlsx workbook: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const sheets: Sheet[] = [];
  let rows = 0;
  for (const worksheet of workbook.worksheets) {
    const records: CsvRecord[] = [];
    for (let n = 1; n <= worksheet.rowCount; n++) {
      const values = worksheet.getRow(n).values as unknown[];
      const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => textOf(values[i + 1]));
      if (!cells.some((c) => c.trim() !== '')) continue;
      records.push({ line: n, cells });
      // Past the limit the rest is not read: the caller refuses the file for its size.
      if (records.length > 1 && ++rows > maxRows) return [...sheets, sheetOf(worksheet, records)];
    }
    const sheet = sheetOf(worksheet, records);
    if (sheet.header.length) sheets.push(sheet);
  }
  return sheets;
}

function sheetOf(worksheet: { name: string }, records: CsvRecord[]): Sheet {
  const [header, ...rows] = records;
  return { name: worksheet.name, header: header?.cells ?? [], rows };
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

import type { Workbook, Worksheet } from 'exceljs';

/** Fen as yuan with two decimals, for a spreadsheet cell formatted as money. */
export const yuan = (fen: number): number => fen / 100;

/** The number format of money columns. */
export const MONEY = '#,##0.00';

/** A column: header, row key, width, and the number format if any. */
export type Column = readonly [header: string, key: string, width: number, numFmt?: string];

/**
 * A new .xlsx workbook for finance's exports, the spreadsheet library (exceljs, about 40 MB) loaded
 * only when something is exported, with a way to add a sheet whose first row is bold headers.
 */
export async function spreadsheet(): Promise<{
  workbook: Workbook;
  sheet: (name: string, columns: readonly Column[]) => Worksheet;
  toBuffer: () => Promise<Buffer>;
}> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Buqi';
  const sheet = (name: string, columns: readonly Column[]) => {
    const s = workbook.addWorksheet(name);
    s.columns = columns.map(([header, key, width, numFmt]) => ({
      header,
      key,
      width,
      ...(numFmt && { style: { numFmt } }),
    }));
    s.getRow(1).font = { bold: true };
    return s;
  };
  return { workbook, sheet, toBuffer: async () => Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** One record of a CSV file, with its row number as a spreadsheet shows it (the header is row 1). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/**
 * Parses CSV (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks; CRLF, LF or CR
 * line ends). The delimiter is a comma, or a tab or semicolon when the first line has no comma
 * but one of those. Records are numbered as spreadsheets number rows, so a quoted line break does
 * not shift the numbers of the records after it; blank records keep their number and are dropped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const delimiter = delimiterOf(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) records.push({ line, cells });
    cells = [];
    cell = '';
    line++;
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (quoted) throw new CsvSyntaxError(line, 'a quoted field is not closed');
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

function delimiterOf(text: string): string {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  if (first.includes(';')) return ';';
  return ',';
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV record, ending in CRLF (what Excel writes). */
export function csvRecord(cells: readonly string[]): string {
  return `${cells.map((c) => (NEEDS_QUOTES.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\r\n`;
}

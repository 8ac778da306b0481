import type { AssetClass } from '../../assets/domain/asset';
import { COLUMNS, FIXTURE_COLUMNS, columnOfHeader, type Column } from './asset-columns';
import { ImportFileError, type Sheet } from './import-file';

/** Which cell of a row holds which column, and the header each column has in this file. */
export interface HeaderMap {
  readonly cellOf: ReadonlyMap<string, number>;
  readonly headerOf: ReadonlyMap<string, string>;
  /** Headers that name no column: their cells are not read. */
  readonly ignored: readonly string[];
}

const where = (sheet: Sheet) => (sheet.name === undefined ? 'The file' : `Sheet ${sheet.name}`);
const describe = (c: Column) => `${c.zh} (${c.key})`;

export function mapHeader(sheet: Sheet): HeaderMap {
  const cellOf = new Map<string, number>();
  const headerOf = new Map<string, string>();
  const ignored: string[] = [];
  const twice: string[] = [];
  sheet.header.forEach((raw, i) => {
    const header = raw.trim();
    if (header === '') return;
    const column = columnOfHeader(header);
    if (!column) return void ignored.push(header);
    if (cellOf.has(column.key)) return void twice.push(`${headerOf.get(column.key)} and ${header}`);
    cellOf.set(column.key, i);
    headerOf.set(column.key, header);
  });
  if (twice.length)
    throw new ImportFileError(
      'duplicate-columns',
      `${where(sheet)} names a column twice: ${twice.join('; ')}`,
    );
  return { cellOf, headerOf, ignored };
}

const FIXTURE_KEYS = Object.values(FIXTURE_COLUMNS).map((f) => f.key);

/**
 * Refuses a sheet that lacks a column its rows need: the core's required columns, and those of
 * each class it holds (a restroom sheet needs at least one fixture count).
 */
export function assertColumns(sheet: Sheet, map: HeaderMap, classes: ReadonlySet<AssetClass>): void {
  const missing = COLUMNS.filter(
    (c) => c.required && !map.cellOf.has(c.key) && (c.appliesTo === undefined || classes.has(c.appliesTo)),
  ).map(describe);
  if (classes.has('restroom') && !FIXTURE_KEYS.some((k) => map.cellOf.has(k)))
    missing.push(
      `one fixture count at least (${Object.values(FIXTURE_COLUMNS)
        .map((f) => f.zh)
        .join('/')})`,
    );
  if (missing.length)
    throw new ImportFileError('missing-columns', `${where(sheet)} lacks the columns: ${missing.join(', ')}`);
}

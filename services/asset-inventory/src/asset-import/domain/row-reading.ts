import { CLASS_CODES, FIXTURE_KINDS, type AssetClass } from '../../assets/domain/asset';
import {
  CLASS_ALIASES,
  CLASS_TYPE,
  COLUMNS,
  FIXTURE_COLUMNS,
  columnByKey,
  normalizeName,
} from './asset-columns';
import { readCell, type CellValue } from './cell-values';
import type { CsvRecord } from './csv';
import { assertColumns, mapHeader, type HeaderMap } from './header-map';
import type { RowDraft, RowProblem, Sheet } from './import-file';

const CLASS_OF_CODE = new Map(Object.entries(CLASS_CODES).map(([c, part]) => [part, c as AssetClass]));
const ASSET_CODE = /^[A-Z][A-Z0-9]{1,5}-[A-Z]{2}-\d{3,6}$/;

/** The class a name stands for (a sheet's name, a class cell), by label, code or alias. */
export function classOfName(name: string): AssetClass | undefined {
  const reading = readCell(CLASS_TYPE, name);
  if ('value' in reading) return reading.value as AssetClass;
  const word = normalizeName(name);
  return Object.entries(CLASS_ALIASES).find(([alias]) => normalizeName(alias) === word)?.[1];
}

export interface SheetReading {
  readonly drafts: RowDraft[];
  readonly problems: RowProblem[];
  readonly map: HeaderMap;
}

/**
 * Reads a sheet's rows into the requests the API would receive. A row's class is its class cell,
 * else the sheet's name, else its code's class part (NY-RD-012 is a road segment). Cells are read
 * by their column's type; a blank optional cell leaves the field to the API's default.
 */
export function readSheet(sheet: Sheet): SheetReading {
  const map = mapHeader(sheet);
  const sheetClass = sheet.name === undefined ? undefined : classOfName(sheet.name);
  const problems: RowProblem[] = [];
  const classed: { row: CsvRecord; assetClass: AssetClass }[] = [];
  for (const row of sheet.rows) {
    const found = classOfRow(row, map, sheetClass);
    if ('reason' in found) problems.push({ sheet: sheet.name, line: row.line, ...found });
    else classed.push({ row, assetClass: found.assetClass });
  }
  assertColumns(sheet, map, new Set(classed.map((c) => c.assetClass)));
  const drafts: RowDraft[] = [];
  for (const { row, assetClass } of classed) {
    const read = readRow(row, map, assetClass);
    if (Array.isArray(read)) problems.push(...read.map((p) => ({ sheet: sheet.name, line: row.line, ...p })));
    else
      drafts.push({ sheet: sheet.name, line: row.line, code: String(read['code']), assetClass, body: read });
  }
  return { drafts, problems, map };
}

type Problem = Omit<RowProblem, 'sheet' | 'line'>;

const cellText = (row: CsvRecord, map: HeaderMap, key: string): string => {
  const index = map.cellOf.get(key);
  return index === undefined ? '' : (row.cells[index] ?? '').trim();
};

function classOfRow(
  row: CsvRecord,
  map: HeaderMap,
  sheetClass: AssetClass | undefined,
): { assetClass: AssetClass } | Problem {
  const code = cellText(row, map, 'code');
  const text = cellText(row, map, 'assetClass');
  const column = map.headerOf.get('assetClass');
  if (text !== '') {
    const named = classOfName(text);
    if (!named)
      return { code, column, value: text, reason: (readCell(CLASS_TYPE, text) as { reason: string }).reason };
    if (sheetClass && named !== sheetClass)
      return { code, column, value: text, reason: `the sheet holds ${sheetClass} rows` };
    return { assetClass: named };
  }
  if (sheetClass) return { assetClass: sheetClass };
  const byCode = CLASS_OF_CODE.get(code.split('-')[1] ?? '');
  if (byCode) return { assetClass: byCode };
  return {
    code,
    column: column ?? map.headerOf.get('code'),
    value: text || code,
    reason: 'cannot tell the class: give a 资产类别 (assetClass) or a code such as NY-RD-012',
  };
}

/** The row as the register request's body, or every problem its cells have. */
function readRow(
  row: CsvRecord,
  map: HeaderMap,
  assetClass: AssetClass,
): Record<string, unknown> | Problem[] {
  const code = cellText(row, map, 'code');
  const problems: Problem[] = [];
  const values = new Map<string, CellValue>();
  for (const column of COLUMNS) {
    const text = cellText(row, map, column.key);
    const header = map.headerOf.get(column.key);
    if (text === '' || column.key === 'assetClass') {
      if (column.required && (column.appliesTo ?? assetClass) === assetClass)
        problems.push({ code, column: header, reason: 'is required' });
      continue;
    }
    if (column.appliesTo !== undefined && column.appliesTo !== assetClass) {
      problems.push({
        code,
        column: header,
        value: text,
        reason: `applies to ${column.appliesTo} rows only`,
      });
      continue;
    }
    const reading = readCell(column.type, text);
    if ('reason' in reading) problems.push({ code, column: header, value: text, reason: reading.reason });
    else values.set(column.key, reading.value);
  }
  const site = values.get('siteId');
  if (site !== undefined && site !== code.split('-')[0])
    problems.push({
      code,
      column: map.headerOf.get('siteId'),
      value: site,
      reason: `is not the site of code ${code}`,
    });
  return problems.length ? problems : bodyOf(values, assetClass);
}

function bodyOf(values: ReadonlyMap<string, CellValue>, assetClass: AssetClass): Record<string, unknown> {
  const pick = (...keys: string[]) =>
    Object.fromEntries(
      keys.flatMap((key) => {
        const value = values.get(key);
        return value === undefined ? [] : [[fieldName(key), value]];
      }),
    );
  const body: Record<string, unknown> = {
    ...pick('code', 'name', 'zone', 'building'),
    location: pick('x', 'y'),
    ...pick('criticality', 'installedOn', 'expectedLifeYears', 'replacementCostYuan', 'status', 'department'),
  };
  if (assetClass === 'road-segment')
    body['road'] = pick(
      'lengthM',
      'widthM',
      'areaM2',
      'pavement',
      'roadClass',
      'conditionMethod',
      'dustStandardGPerM2',
    );
  if (assetClass === 'restroom')
    body['restroom'] = {
      ...pick('floor'),
      fixtures: FIXTURE_KINDS.flatMap((kind) => {
        const count = values.get(FIXTURE_COLUMNS[kind].key);
        return count === undefined ? [] : [{ kind, count }];
      }),
      ...pick('accessible', 'dailyFootfall', 'restroomClass'),
    };
  if (assetClass === 'monitoring-device') {
    const watched = String(values.get('watches'));
    body['device'] = {
      ...pick('deviceKind'),
      watches: ASSET_CODE.test(watched) ? { assetId: watched } : { placeId: watched },
      ...pick('reportingIntervalSeconds', 'power', 'link', 'firmware'),
    };
  }
  return body;
}

/** The request's name of a column's field: its field path's last part. */
function fieldName(key: string): string {
  const field = columnByKey(key).field;
  if (field === undefined) return key;
  return field.slice(field.lastIndexOf('.') + 1);
}

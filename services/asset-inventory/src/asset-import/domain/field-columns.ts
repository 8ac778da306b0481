import { COLUMNS, FIXTURE_COLUMNS } from './asset-columns';
import type { HeaderMap } from './header-map';

const FIXTURE = /^restroom\.fixtures\[(\d+)\]/;

/**
 * The column (as this file's header names it) that holds the field an API check refused, e.g.
 * `road.lengthM` → 长度（米）, `restroom.fixtures[1].count` → the second fixture's count column,
 * `location` → the X column. Undefined when the field has no column in the file (a default).
 */
export function columnOfField(
  field: string,
  body: Readonly<Record<string, unknown>>,
  map: HeaderMap,
): string | undefined {
  return map.headerOf.get(columnKeyOfField(field, body, map) ?? '');
}

function columnKeyOfField(
  field: string,
  body: Readonly<Record<string, unknown>>,
  map: HeaderMap,
): string | undefined {
  const fixture = FIXTURE.exec(field);
  if (fixture) {
    const fixtures = (body['restroom'] as { fixtures?: { kind: keyof typeof FIXTURE_COLUMNS }[] } | undefined)
      ?.fixtures;
    const kind = fixtures?.[Number(fixture[1])]?.kind;
    return kind && FIXTURE_COLUMNS[kind].key;
  }
  if (field === 'restroom.fixtures')
    return Object.values(FIXTURE_COLUMNS).find((f) => map.cellOf.has(f.key))?.key;
  if (field === 'location') return 'x';
  // The column whose field is this one or the longest prefix of it (device.watches.assetId → watches).
  const matches = COLUMNS.filter(
    (c) => c.field !== undefined && (field === c.field || field.startsWith(`${c.field}.`)),
  );
  return matches.sort((a, b) => (b.field?.length ?? 0) - (a.field?.length ?? 0))[0]?.key;
}

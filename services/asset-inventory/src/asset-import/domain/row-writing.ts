import { FIXTURE_KINDS, type Asset, type AssetClass } from '../../assets/domain/asset';
import { FIXTURE_COLUMNS, columnsFor, type Column } from './asset-columns';
import { writeCell, type CellValue, type Language } from './cell-values';

/** The header an export writes: the Chinese or the English name of each column. */
export const headerOf = (columns: readonly Column[], language: Language): string[] =>
  columns.map((c) => (language === 'zh' ? c.zh : c.key));

/** The columns of an export of these classes (all of them when no class is chosen). */
export const exportColumns = (assetClass?: AssetClass): Column[] =>
  columnsFor(assetClass ? [assetClass] : ['road-segment', 'restroom', 'monitoring-device']);

/** An asset as the cells of a row of the import sheet, so that importing it back changes nothing. */
export function rowOf(asset: Asset, columns: readonly Column[], language: Language): string[] {
  const values = valuesOf(asset);
  return columns.map((c) => writeCell(c.type, values[c.key], language));
}

function valuesOf(asset: Asset): Record<string, CellValue | undefined> {
  const core = {
    code: asset.code,
    assetClass: asset.assetClass,
    name: asset.name,
    siteId: asset.siteId,
    zone: asset.zone,
    building: asset.building,
    x: asset.location.x,
    y: asset.location.y,
    criticality: asset.criticality,
    installedOn: asset.installedOn,
    expectedLifeYears: asset.expectedLifeYears,
    replacementCostYuan: asset.replacementCostFen,
    status: asset.status,
    department: asset.department,
  };
  switch (asset.assetClass) {
    case 'road-segment':
      return { ...core, ...asset.road };
    case 'restroom': {
      const { fixtures, ...rest } = asset.restroom;
      const counts = Object.fromEntries(
        FIXTURE_KINDS.map((kind) => [
          FIXTURE_COLUMNS[kind].key,
          fixtures.find((f) => f.kind === kind)?.count,
        ]),
      );
      return { ...core, ...rest, ...counts };
    }
    case 'monitoring-device': {
      const { kind, watches, ...rest } = asset.device;
      return {
        ...core,
        ...rest,
        deviceKind: kind,
        watches: 'assetId' in watches ? watches.assetId : watches.placeId,
      };
    }
  }
}

import { Injectable } from '@nestjs/common';
import { Type, type Static } from '@sinclair/typebox';
import type { FilterValue } from '@buqi/platform';
import { AssetRepository } from '../../assets/persistence/asset.repository';
import { LIST_ASSETS } from '../../assets/use-cases/list-assets.query';
import { csvRecord } from '../domain/csv';
import { exportColumns, headerOf, rowOf } from '../domain/row-writing';

const filters = LIST_ASSETS.filters;

/** The list's filters, and the language of the headers and labels (Chinese by default). */
export const ExportAssetsQuery = Type.Object(
  {
    assetClass: Type.Optional(filters.assetClass),
    siteId: Type.Optional(filters.siteId),
    zone: Type.Optional(filters.zone),
    building: Type.Optional(filters.building),
    department: Type.Optional(filters.department),
    status: Type.Optional(filters.status),
    criticality: Type.Optional(filters.criticality),
    lang: Type.Optional(
      Type.Union([Type.Literal('zh'), Type.Literal('en')], {
        description: 'zh (default): Chinese headers and labels; en: English headers and codes',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ExportAssetsQuery = Static<typeof ExportAssetsQuery>;

const BOM = '\uFEFF';

/**
 * The assets matching the filters as the import's CSV, record by record: a BOM (so Excel reads
 * UTF-8), the header, one row per asset in code order. Imported back, it changes nothing.
 */
@Injectable()
export class ExportAssets {
  constructor(private readonly assets: AssetRepository) {}

  async *execute(query: ExportAssetsQuery): AsyncGenerator<string> {
    const { lang = 'zh', ...rest } = query;
    const filter: Record<string, FilterValue> = {};
    for (const [name, value] of Object.entries(rest)) if (value !== undefined) filter[name] = value;
    const columns = exportColumns(query.assetClass);
    yield BOM + csvRecord(headerOf(columns, lang));
    for await (const asset of this.assets.each(filter)) yield csvRecord(rowOf(asset, columns, lang));
  }
}

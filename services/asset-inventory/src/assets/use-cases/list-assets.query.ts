import { Injectable } from '@nestjs/common';
import { Type, type Static } from '@sinclair/typebox';
import { listQuerySchema, toListRequest, type ListSpec, type Page, Literals } from '@buqi/platform';
import { ASSET_CLASSES, ASSET_STATUSES } from '../domain/asset';
import { AssetRepository, type StoredAsset } from '../persistence/asset.repository';

export const LIST_ASSETS = {
  sortable: ['name', 'criticality', 'installedOn', 'updatedAt'],
  defaultSort: 'name',
  filters: {
    assetClass: Literals(ASSET_CLASSES),
    siteId: Type.String({ pattern: '^[A-Z][A-Z0-9]{1,5}$' }),
    zone: Type.String({ pattern: '^[A-Z0-9]{1,10}$' }),
    building: Type.String({ pattern: '^[A-Z0-9]{1,10}$' }),
    department: Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$' }),
    status: Literals(ASSET_STATUSES),
    criticality: Type.Integer({ minimum: 1, maximum: 5 }),
  },
} as const satisfies ListSpec;

export const ListAssetsQuery = listQuerySchema(LIST_ASSETS);
export type ListAssetsQuery = Static<typeof ListAssetsQuery>;

@Injectable()
export class ListAssets {
  constructor(private readonly assets: AssetRepository) {}

  execute(query: ListAssetsQuery): Promise<Page<StoredAsset>> {
    return this.assets.list(toListRequest(query, LIST_ASSETS));
  }
}

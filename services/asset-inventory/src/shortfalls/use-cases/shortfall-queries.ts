import { Injectable } from '@nestjs/common';
import { Type, type Static } from '@sinclair/typebox';
import { NotFoundError } from '@buqi/domain-kernel';
import { SEVERITIES, SHORTFALL_KINDS } from '@buqi/domain-shortfalls';
import { Literals, listQuerySchema, toListRequest, type ListSpec, type Page } from '@buqi/platform';
import { ASSET_CLASSES } from '../../assets/domain/asset';
import { SHORTFALL_STATUSES } from '../domain/shortfall';
import { MaintenanceRepository, type MaintenanceRecord } from '../persistence/maintenance.repository';
import { ShortfallBook, type StoredShortfall } from '../persistence/shortfall-book';

const AssetCode = Type.String({ pattern: '^[A-Z][A-Z0-9]{1,5}-[A-Z]{2}-\\d{3,6}$' });

export const LIST_SHORTFALLS = {
  sortable: ['openedAt', 'lastDetectedAt', 'severityRank', 'resolvedAt'],
  defaultSort: 'openedAt',
  filters: {
    status: Literals(SHORTFALL_STATUSES),
    kind: Literals(SHORTFALL_KINDS),
    severity: Literals(SEVERITIES),
    assetId: AssetCode,
    assetClass: Literals(ASSET_CLASSES),
    siteId: Type.String({ pattern: '^[A-Z][A-Z0-9]{1,5}$' }),
    department: Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$' }),
    safetyCritical: Type.Boolean(),
  },
} as const satisfies ListSpec;

export const ListShortfallsQuery = listQuerySchema(LIST_SHORTFALLS);
export type ListShortfallsQuery = Static<typeof ListShortfallsQuery>;

const LIST_MAINTENANCE = {
  sortable: ['completedAt'],
  defaultSort: '-completedAt',
  filters: {},
} as const satisfies ListSpec;
export const ListMaintenanceQuery = listQuerySchema(LIST_MAINTENANCE);
export type ListMaintenanceQuery = Static<typeof ListMaintenanceQuery>;

/** Reading shortfalls and an asset's maintenance history. */
@Injectable()
export class ShortfallQueries {
  constructor(
    private readonly book: ShortfallBook,
    private readonly maintenance: MaintenanceRepository,
  ) {}

  list(query: ListShortfallsQuery): Promise<Page<StoredShortfall>> {
    return this.book.list(toListRequest(query, LIST_SHORTFALLS));
  }

  async get(id: string): Promise<StoredShortfall> {
    const found = await this.book.find(id);
    if (!found) throw new NotFoundError('shortfall', id);
    return found;
  }

  maintenanceOf(assetId: string, query: ListMaintenanceQuery): Promise<Page<MaintenanceRecord>> {
    const request = toListRequest(query, LIST_MAINTENANCE);
    return this.maintenance.list({ ...request, filter: { ...request.filter, assetId } });
  }
}

import type { Static } from '@sinclair/typebox';
import { listQuerySchema, type ListSpec } from '@buqi/platform';
import { SiteKind } from '../site-requests';

export const LIST_SITES = {
  sortable: ['name', 'kind', 'createdAt', 'updatedAt'],
  defaultSort: 'name',
  filters: { kind: SiteKind },
} as const satisfies ListSpec;

export const ListSitesQuery = listQuerySchema(LIST_SITES);
export type ListSitesQuery = Static<typeof ListSitesQuery>;

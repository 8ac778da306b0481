import type { Static } from '@sinclair/typebox';
import { listQuerySchema, type ListSpec } from '@buqi/platform';

export const LIST_INSPECTIONS = {
  sortable: ['inspectedAt'],
  defaultSort: '-inspectedAt',
} as const satisfies ListSpec;

export const ListInspectionsQuery = listQuerySchema(LIST_INSPECTIONS);
export type ListInspectionsQuery = Static<typeof ListInspectionsQuery>;

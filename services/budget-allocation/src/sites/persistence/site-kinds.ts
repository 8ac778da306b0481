import type { Static } from '@sinclair/typebox';
import { SiteKind } from '@buqi/contracts';

export type SiteKindName = Static<typeof SiteKind>;
export const SITE_KINDS: readonly SiteKindName[] = SiteKind.anyOf.map((k) => k.const);

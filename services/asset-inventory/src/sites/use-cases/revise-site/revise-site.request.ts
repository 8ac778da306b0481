import { Type, type Static } from '@sinclair/typebox';
import { Address, Plan, SiteKind, SiteName } from '../site-requests';

export const ReviseSiteRequest = Type.Object(
  {
    name: Type.Optional(SiteName),
    kind: Type.Optional(SiteKind),
    address: Type.Optional(Address),
    plan: Type.Optional(Plan),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ReviseSiteRequest = Static<typeof ReviseSiteRequest>;

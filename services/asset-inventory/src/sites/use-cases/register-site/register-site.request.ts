import { Type, type Static } from '@sinclair/typebox';
import { Address, Plan, SiteCode, SiteKind, SiteName } from '../site-requests';

export const RegisterSiteRequest = Type.Object(
  { id: SiteCode, name: SiteName, kind: SiteKind, address: Type.Optional(Address), plan: Plan },
  { additionalProperties: false },
);
export type RegisterSiteRequest = Static<typeof RegisterSiteRequest>;

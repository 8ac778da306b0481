import { Type } from '@sinclair/typebox';
import { SiteKind } from '@buqi/contracts';

// Field schemas shared by the site use cases' requests.
export const SiteCode = Type.String({
  pattern: '^[A-Z][A-Z0-9]{1,5}$',
  description:
    'The site code: 2-6 capitals or digits, e.g. NY for 机关南院; it prefixes the codes of its assets',
});
export const SiteName = Type.String({ minLength: 1, maxLength: 100, description: 'e.g. 机关南院' });
export const Address = Type.String({ maxLength: 200, description: 'Postal address; empty to clear it' });
export const Plan = Type.Object(
  {
    widthM: Type.Number({ exclusiveMinimum: 0, maximum: 20_000, description: 'Plan width in metres' }),
    heightM: Type.Number({ exclusiveMinimum: 0, maximum: 20_000, description: 'Plan height in metres' }),
  },
  { additionalProperties: false, description: "The extent of the site's plan drawing" },
);
export { SiteKind };

export const SiteParams = Type.Object({ siteId: SiteCode }, { additionalProperties: false });

import { Type, type Static } from '@sinclair/typebox';

export const AddZoneRequest = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z0-9]{1,10}$', description: 'Unique within the site, e.g. A' }),
    name: Type.String({ minLength: 1, maxLength: 100, description: 'e.g. 主楼区' }),
    outline: Type.Array(
      Type.Object(
        {
          x: Type.Number({ description: 'Metres from the left edge of the plan' }),
          y: Type.Number({ description: 'Metres from the top edge of the plan' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 3, maxItems: 200, description: "The zone's corners on the site plan, in order" },
    ),
  },
  { additionalProperties: false },
);
export type AddZoneRequest = Static<typeof AddZoneRequest>;

import { Type, type Static } from '@sinclair/typebox';
import { BUILDING_KINDS } from '../../domain/site';

export const AddBuildingRequest = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z0-9]{1,10}$', description: 'Unique within the site, e.g. B01' }),
    name: Type.String({ minLength: 1, maxLength: 100, description: 'e.g. 人大办公楼, 1号台, 职工食堂' }),
    kind: Type.Union(
      BUILDING_KINDS.map((k) => Type.Literal(k)),
      { description: 'office, conference (e.g. 1号台), canteen, residential, service, other' },
    ),
    zone: Type.String({ pattern: '^[A-Z0-9]{1,10}$', description: 'The code of the zone it stands in' }),
    location: Type.Object(
      {
        x: Type.Number({ description: 'Metres from the left of the plan' }),
        y: Type.Number({ description: 'Metres from the top' }),
      },
      { additionalProperties: false },
    ),
    floors: Type.Integer({ minimum: 1, maximum: 200 }),
    importance: Type.Integer({
      minimum: 1,
      maximum: 5,
      description:
        'How much it weighs when shortfalls are ranked: 5 for 1号台 and the leaders’ office buildings',
    }),
  },
  { additionalProperties: false },
);
export type AddBuildingRequest = Static<typeof AddBuildingRequest>;

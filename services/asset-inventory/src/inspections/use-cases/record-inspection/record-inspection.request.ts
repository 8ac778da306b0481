import { Type, type Static } from '@sinclair/typebox';
import { FIXTURE_KINDS, SEVERITIES } from '@buqi/domain-condition';
import { Closed, Literals } from '@buqi/platform';

// Types, severities and quantities are left to the condition models, which name what they refuse
// (a type of another method, a severity the type lacks, more damage than was inspected) as a 422.
const pavement = Closed(
  {
    areaM2: Type.Optional(
      Type.Number({ description: 'The area inspected, m²; the segment’s area by default, never more' }),
    ),
    slabs: Type.Optional(
      Type.Integer({ description: 'ASTM D6433 jointed concrete: slabs in the sample unit' }),
    ),
    distresses: Type.Array(
      Closed({
        type: Type.String({
          minLength: 1,
          maxLength: 60,
          description: 'A distress type of the segment’s method and pavement, e.g. pothole (CJJ 36 坑槽)',
        }),
        severity: Type.Optional(
          Literals(SEVERITIES, 'Only for types the method grades (JTG 5210, ASTM D6433)'),
        ),
        quantity: Type.Number({ description: 'In the type’s unit: m², m, a count or slabs' }),
      }),
      { maxItems: 200, description: 'Every distress seen; none recorded means none found' },
    ),
  },
  'The pavement’s distresses, assessed by the segment’s method (CJJ 36 by default)',
);

const dust = Closed(
  {
    samples: Type.Array(
      Closed({
        dustGrams: Type.Number({ description: 'Dried dust swept from the patch, g' }),
        areaM2: Type.Number({ description: 'The patch, m² (the method’s frame is 1 m²)' }),
      }),
      { minItems: 1, maxItems: 50 },
    ),
  },
  '以克论净: dust from marked patches of the carriageway, against the segment’s limit',
);

const restroom = Closed(
  {
    fixtures: Type.Array(
      Closed({
        kind: Literals(FIXTURE_KINDS, 'A fixture kind the restroom has'),
        working: Type.Integer({ minimum: 0 }),
        total: Type.Optional(Type.Integer({ minimum: 0, description: 'The count registered by default' })),
      }),
      { minItems: 1, maxItems: FIXTURE_KINDS.length },
    ),
    odour: Closed({ nh3Ppm: Type.Number(), h2sPpm: Type.Number() }, 'Ammonia and hydrogen sulphide, ppm'),
    cleanliness: Closed(
      { itemsPassed: Type.Integer(), itemsChecked: Type.Integer() },
      'The cleaning checklist: items passed of items checked',
    ),
    leaks: Closed(
      { found: Type.Integer(), active: Type.Integer() },
      'Leak points found, and of them those running now',
    ),
    ventilation: Closed({ working: Type.Boolean(), airChangesPerHour: Type.Optional(Type.Number()) }),
    hygiene: Type.Optional(
      Closed(
        {
          nh3MgM3: Type.Optional(Type.Number()),
          h2sMgM3: Type.Optional(Type.Number()),
          odourGrade: Type.Optional(Type.Integer({ description: 'Odour intensity grade 0–5' })),
          adultFlies: Type.Optional(Type.Integer()),
          maggots: Type.Optional(Type.Integer()),
        },
        'GB/T 17217 items measured, checked against the limits of the restroom’s class',
      ),
    ),
  },
  'The restroom’s fixtures, odour, cleanliness, leaks and ventilation',
);

const calibration = Closed(
  { certificate: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  'A monitoring device’s calibration, done when the inspection is dated',
);

/**
 * One inspection: the parts of the asset's class (a road segment: pavement, dust or both; a
 * restroom: restroom; a monitoring device: calibration), when it took place and what else was noted.
 */
export const RecordInspectionRequest = Closed({
  inspectedAt: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'When it took place: now by default, never in the future',
    }),
  ),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
  photos: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 300, description: 'A stored photo’s reference' }), {
      maxItems: 20,
    }),
  ),
  pavement: Type.Optional(pavement),
  dust: Type.Optional(dust),
  restroom: Type.Optional(restroom),
  calibration: Type.Optional(calibration),
});
export type RecordInspectionRequest = Static<typeof RecordInspectionRequest>;

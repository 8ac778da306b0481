import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../define-event';
import { Fen, Id, Timestamp } from '../common';

const LocalDate = (description: string) => Type.String({ format: 'date', description });

/**
 * One version of a service quota (服务定额): a task type's workload standard (standard hours per
 * unit), its price per unit split into labour and materials (the basis of purchased services), and
 * its quality standard (a checklist and acceptance thresholds), in force from a date. Compacted and
 * keyed `<taskType>:<version>`, so every version survives: an order is priced, and later checked, by
 * the version in force when it was funded. A version is published again when a later one closes it
 * (its `effectiveTo` set).
 */
export const ServiceQuotaV1 = defineEvent({
  type: 'standards.service-quota',
  version: 1,
  cleanupPolicy: 'compact',
  schema: Type.Object(
    {
      taskType: Id('e.g. pothole-patch, resurfacing, fixture-replacement, sensor-installation'),
      version: Type.Integer({ minimum: 1 }),
      name: Type.String({ minLength: 1, maxLength: 100 }),
      unit: Type.String({
        minLength: 1,
        maxLength: 16,
        description: 'What a quantity counts: m2, m, unit …',
      }),
      standardHoursPerUnit: Type.Number({ minimum: 0, maximum: 10_000 }),
      labourFenPerUnit: Fen('Labour per unit, fen'),
      materialsFenPerUnit: Fen('Materials per unit, fen'),
      quality: Type.Object(
        {
          checklist: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 50 }),
          acceptance: Type.Array(
            Type.Object(
              {
                criterion: Type.String({ minLength: 1, maxLength: 200 }),
                threshold: Type.String({ minLength: 1, maxLength: 100 }),
              },
              { additionalProperties: false },
            ),
            { maxItems: 50 },
          ),
        },
        { additionalProperties: false },
      ),
      effectiveFrom: LocalDate('First day in force'),
      effectiveTo: Type.Optional(LocalDate('First day no longer in force (the next version starts)')),
      publishedAt: Timestamp('When this version (or its closing) was published'),
    },
    { additionalProperties: false },
  ),
  key: (d) => `${d.taskType}:${d.version}`,
  example: {
    taskType: 'pothole-patch',
    version: 2,
    name: '沥青路面坑槽修补',
    unit: 'm2',
    standardHoursPerUnit: 0.8,
    labourFenPerUnit: 6_000,
    materialsFenPerUnit: 9_500,
    quality: {
      checklist: ['切割成规则形状', '清除松散材料并涂刷粘层油', '分层压实，边缘无缝隙'],
      acceptance: [{ criterion: '修补面与原路面高差', threshold: '≤ 5 mm' }],
    },
    effectiveFrom: '2027-01-01',
    publishedAt: '2026-12-15T08:00:00.000Z',
  },
});

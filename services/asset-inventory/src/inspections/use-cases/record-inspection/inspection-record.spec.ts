import type { Caller } from '@buqi/auth';
import type { Asset } from '../../../assets/domain/asset';
import { conditionSummaryOf, inspectionRecord, newInspectionId, sheetOf } from './inspection-record';

const road = { code: 'NY-RD-001', assetClass: 'road-segment' } as Asset;
const caller = {
  principal: { kind: 'user', id: 'u-zhao', name: '赵工', roles: ['crew-member'] },
  now: new Date('2026-03-02T10:00:00Z'),
} as Pick<Caller, 'principal' | 'now'>;
const inspectedAt = new Date('2026-03-02T09:15:00Z');

describe('inspection records', () => {
  it('ids an inspection insp- and 16 hex digits', () => {
    expect(newInspectionId()).toMatch(/^insp-[0-9a-f]{16}$/);
    expect(newInspectionId()).not.toBe(newInspectionId());
  });

  it('keeps the parts of the request that are the sheet', () => {
    const pavement = { distresses: [] };
    expect(sheetOf({ inspectedAt: '2026-03-02T09:15:00Z', notes: 'n', pavement })).toEqual({ pavement });
  });

  it('stores the sheet, the condition with its grade and factors, and who inspected when', () => {
    const record = inspectionRecord(
      'insp-0000000000000001',
      road,
      { inspectedAt, notes: '东段', sheet: { pavement: { distresses: [] } } },
      {
        condition: {
          index: 82.9,
          grade: { code: 'B', name: { zh: '良', en: 'good' } },
          action: 'minor-repair',
          method: 'cjj36',
          factors: { areaM2: 1000, dropped: undefined },
        },
        damage: { quantity: 11, unit: 'm2' },
      },
      caller,
    );
    expect(record).toEqual({
      _id: 'insp-0000000000000001',
      assetId: 'NY-RD-001',
      assetClass: 'road-segment',
      inspectedAt,
      recordedAt: caller.now,
      inspector: { id: 'u-zhao', name: '赵工' },
      notes: '东段',
      sheet: { pavement: { distresses: [] } },
      hasCondition: true,
      condition: {
        index: 82.9,
        grade: 'B',
        gradeName: { zh: '良', en: 'good' },
        action: 'minor-repair',
        method: 'cjj36',
        factors: { areaM2: 1000 },
      },
      damage: { quantity: 11, unit: 'm2' },
      // Until the shortfall rules are told of it.
      signalPending: true,
    });
  });

  it('marks a record without a condition, and sums up a condition for the asset', () => {
    const dustOnly = inspectionRecord(
      'insp-0000000000000002',
      road,
      { inspectedAt, sheet: { dust: { samples: [{ dustGrams: 1, areaM2: 1 }] } } },
      {},
      caller,
    );
    expect(dustOnly.hasCondition).toBe(false);
    expect(conditionSummaryOf({ ...dustOnly, id: dustOnly._id })).toBeUndefined();
    expect(
      conditionSummaryOf({
        ...dustOnly,
        id: dustOnly._id,
        condition: { index: 77.2, method: 'restroom-condition', factors: {} },
      }),
    ).toEqual({ index: 77.2, method: 'restroom-condition', assessedAt: inspectedAt });
  });
});

import type { StoredAsset } from '../../../assets/persistence/asset.repository';
import type { StoredInspection } from '../../persistence/inspection.repository';
import { conditionAssessedOf } from './condition-assessed';

const at = new Date('2026-03-02T09:15:00Z');
const asset = { code: 'NY-RD-001' } as StoredAsset;
const inspection: StoredInspection = {
  id: 'insp-0000000000000001',
  assetId: 'NY-RD-001',
  assetClass: 'road-segment',
  inspectedAt: at,
  recordedAt: at,
  inspector: { id: 'u-zhao' },
  sheet: {},
  hasCondition: true,
  condition: { index: 82.9, grade: 'B', action: 'minor-repair', method: 'cjj36', factors: {} },
  damage: { quantity: 11, unit: 'm2' },
  dust: { loadGPerM2: 4.5, standardGPerM2: 5, passes: true, margin: 0.5, factors: {} },
};

describe('conditionAssessedOf', () => {
  it('tells the condition, its damage, the dust load and where it came from', () => {
    expect(conditionAssessedOf(inspection, asset)).toEqual({
      asset,
      index: 82.9,
      grade: 'B',
      action: 'minor-repair',
      source: 'inspection insp-0000000000000001',
      damage: { quantity: 11, unit: 'm2' },
      dustLoad: { loadGPerM2: 4.5, standardGPerM2: 5 },
      at,
    });
  });

  it('carries the newest assessed condition beside a dust-only measurement, or the dust load alone', () => {
    const { condition: _c, damage: _d, ...rest } = inspection;
    const dustOnly: StoredInspection = { ...rest, id: 'insp-0000000000000002', hasCondition: false };
    expect(conditionAssessedOf(dustOnly, asset)).toEqual({
      asset,
      source: 'inspection insp-0000000000000002',
      dustLoad: { loadGPerM2: 4.5, standardGPerM2: 5 },
      at,
    });
    const { dust: _dust, ...calibration } = dustOnly;
    expect(conditionAssessedOf({ ...calibration, id: 'insp-0000000000000003' }, asset)).toBeUndefined();
    const basis: StoredInspection = {
      ...inspection,
      inspectedAt: new Date('2025-01-01'),
      condition: { index: 64, grade: 'C', action: 'medium-repair', method: 'cjj36', factors: {} },
    };
    expect(conditionAssessedOf(dustOnly, asset, basis)).toEqual({
      asset,
      index: 64,
      grade: 'C',
      action: 'medium-repair',
      source: 'inspection insp-0000000000000001, dust inspection insp-0000000000000002',
      damage: { quantity: 11, unit: 'm2' },
      dustLoad: { loadGPerM2: 4.5, standardGPerM2: 5 },
      at,
    });
  });
});

import { DomainValidationError } from '@buqi/domain-kernel';
import { addVersion, defineQuota, inForce, unitPrice, type QuotaInput } from './service-quota';

const terms: QuotaInput = {
  name: '卫生洁具更换',
  unit: 'unit',
  standardHoursPerUnit: 2.5,
  labourFenPerUnit: 12_000,
  materialsFenPerUnit: 45_000,
  quality: {
    checklist: ['安装牢固', '无渗漏'],
    acceptance: [{ criterion: '通水试验', threshold: '24 h 无渗漏' }],
  },
};

describe('a service quota', () => {
  const v1 = defineQuota('fixture-replacement', terms, '2026-01-01');

  it('starts at version 1, open-ended, priced as labour plus materials', () => {
    expect(v1.versions).toEqual([{ ...terms, version: 1, effectiveFrom: '2026-01-01' }]);
    expect(unitPrice(v1.versions[0])).toBe(57_000);
  });

  it('closes the latest version the day a later one starts, so exactly one is in force each day', () => {
    const { quota, closed, added } = addVersion(v1, { ...terms, materialsFenPerUnit: 48_000 }, '2026-07-01');
    expect(closed).toMatchObject({ version: 1, effectiveTo: '2026-07-01' });
    expect(added).toMatchObject({ version: 2, effectiveFrom: '2026-07-01', materialsFenPerUnit: 48_000 });
    expect(inForce(quota, '2026-06-30')?.version).toBe(1);
    expect(inForce(quota, '2026-07-01')?.version).toBe(2);
    expect(inForce(quota, '2030-01-01')?.version).toBe(2);
    expect(inForce(quota, '2025-12-31')).toBeUndefined();
  });

  it('refuses an overlapping version, a bad day, negative or fractional money and impossible hours', () => {
    expect(() => addVersion(v1, terms, '2026-01-01')).toThrow('versions may not overlap');
    expect(() => addVersion(v1, terms, '2025-06-01')).toThrow(DomainValidationError);
    expect(() => defineQuota('x', terms, '2026-02-30')).toThrow('effectiveFrom');
    expect(() => defineQuota('x', { ...terms, labourFenPerUnit: -1 }, '2026-01-01')).toThrow(
      'labourFenPerUnit',
    );
    expect(() => defineQuota('x', { ...terms, materialsFenPerUnit: 0.5 }, '2026-01-01')).toThrow(
      'materialsFenPerUnit',
    );
    expect(() => defineQuota('x', { ...terms, standardHoursPerUnit: -1 }, '2026-01-01')).toThrow(
      'standardHoursPerUnit',
    );
  });
});

import { inForceOn, isInForce, quotaKey, shanghaiDay } from './quota';

describe('service quota versions', () => {
  const v1 = { version: 1, effectiveFrom: '2026-01-01', effectiveTo: '2027-01-01' };
  const v2 = { version: 2, effectiveFrom: '2027-01-01' };

  it('are keyed <taskType>:<version>', () => {
    expect(quotaKey('pothole-patch', 2)).toBe('pothole-patch:2');
  });

  it('are in force from their first day up to, not including, effectiveTo', () => {
    expect(isInForce(v1, '2025-12-31')).toBe(false);
    expect(isInForce(v1, '2026-01-01')).toBe(true);
    expect(isInForce(v1, '2026-12-31')).toBe(true);
    expect(isInForce(v1, '2027-01-01')).toBe(false);
    expect(isInForce(v2, '2099-01-01')).toBe(true);
  });

  it('give the one in force on a day, the higher version while an old one is not yet closed', () => {
    expect(inForceOn([v1, v2], '2026-06-30')?.version).toBe(1);
    expect(inForceOn([v1, v2], '2027-01-01')?.version).toBe(2);
    expect(inForceOn([v1, v2], '2025-06-30')).toBeUndefined();
    const unclosed = { version: 1, effectiveFrom: '2026-01-01' };
    expect(inForceOn([v2, unclosed], '2027-03-01')?.version).toBe(2);
  });

  it('count days in Asia/Shanghai: 16:00 UTC is already the next day', () => {
    expect(shanghaiDay(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(shanghaiDay(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
  });
});

import { openShortfall, redetect, remediated, ruleCleared, shortfallId, type Detection } from './shortfall';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute));
const condition = (over: Partial<Detection> = {}): Detection => ({
  kind: 'below-quality-standard',
  rule: 'condition',
  severity: 'major',
  safetyCritical: false,
  evidence: ['PCI 38 below the road-segment standard of at least 70, by 32 (inspection insp-1)'],
  conditionIndex: 38,
  damage: { quantity: 42.5, unit: 'm2' },
  action: 'major-repair',
  at: at(0),
  ...over,
});
const dust = (over: Partial<Detection> = {}): Detection => ({
  kind: 'below-quality-standard',
  rule: 'dust-load',
  severity: 'moderate',
  safetyCritical: false,
  evidence: ['dust load 7.5 g/m² above the road-segment standard of at most 5 g/m², by 2.5 g/m²'],
  at: at(0),
  ...over,
});

describe('a shortfall', () => {
  it('has an id per asset, kind and opening', () => {
    expect(shortfallId('NY-RR-003', 'sensor-threshold', 2)).toBe('NY-RR-003-sensor-threshold-2');
  });

  it('opens with its finding, and a re-detection keeps its id, noting only what changed', () => {
    const s = openShortfall('NY-RD-012-below-quality-standard-1', 'NY-RD-012', condition());
    expect(s).toMatchObject({
      status: 'open',
      severity: 'major',
      action: 'major-repair',
      openedAt: at(0),
      history: [{ event: 'opened' }],
    });
    const same = redetect(s, condition({ at: at(5) }));
    expect(same.changed).toBe(false);
    expect(same.shortfall).toMatchObject({ id: s.id, lastDetectedAt: at(5), openedAt: at(0) });
    expect(same.shortfall.history).toHaveLength(1);
    const worse = redetect(
      same.shortfall,
      condition({ severity: 'critical', conditionIndex: 25, at: at(9) }),
    );
    expect(worse.changed).toBe(true);
    expect(worse.shortfall).toMatchObject({ severity: 'critical', conditionIndex: 25 });
    expect(worse.shortfall.history.map((h) => h.event)).toEqual(['opened', 'redetected']);
  });

  it('holds every rule of its kind that fires, shows the worst, and resolves only when none is left', () => {
    const s = redetect(openShortfall('x', 'NY-RD-012', dust()), condition({ at: at(1) }));
    expect(s.changed).toBe(true);
    expect(s.shortfall.findings.map((f) => f.rule)).toEqual(['condition', 'dust-load']);
    expect(s.shortfall).toMatchObject({ severity: 'major', conditionIndex: 38, action: 'major-repair' });
    expect(s.shortfall.evidence[0]).toMatch(/^condition: PCI 38/);

    const dustOnly = ruleCleared(s.shortfall, 'condition', at(2), 'inspection insp-2');
    expect(dustOnly.changed).toBe(true);
    expect(dustOnly.shortfall).toMatchObject({
      status: 'open',
      severity: 'moderate',
      findings: [{ rule: 'dust-load' }],
    });
    expect(dustOnly.shortfall.conditionIndex).toBeUndefined();
    expect(dustOnly.shortfall.action).toBeUndefined();

    expect(ruleCleared(dustOnly.shortfall, 'condition', at(3), 'again')).toEqual({
      shortfall: dustOnly.shortfall,
      changed: false,
    });
    expect(ruleCleared(dustOnly.shortfall, 'dust-load', at(3), 'inspection insp-3').shortfall).toMatchObject({
      status: 'resolved',
      resolution: 'cleared-by-reading',
      resolvedAt: at(3),
    });
  });

  it('after a work order awaits verification, then resolves as repaired — or reopens if it still falls short', () => {
    const s = remediated(openShortfall('x', 'NY-RD-012', condition()), 'wo-7', at(10));
    expect(s).toMatchObject({ status: 'awaiting-verification', workOrderId: 'wo-7' });
    expect(ruleCleared(s, 'condition', at(20), 'inspection insp-2').shortfall).toMatchObject({
      status: 'resolved',
      resolution: 'repaired',
    });
    const failed = redetect(s, condition({ at: at(20) }));
    expect(failed.changed).toBe(true);
    expect(failed.shortfall.status).toBe('open');
    expect(failed.shortfall.history.at(-1)).toMatchObject({ event: 'verification-failed' });
  });

  it('clears without a work order when the reading recovers', () => {
    const s = openShortfall('x', 'NY-DV-001', condition({ kind: 'device-offline', rule: 'offline' }));
    expect(ruleCleared(s, 'offline', at(3), 'telemetry').shortfall).toMatchObject({
      status: 'resolved',
      resolution: 'cleared-by-reading',
    });
  });

  it('is not re-detected once resolved: a new opening is a new shortfall', () => {
    const s = ruleCleared(openShortfall('x', 'a', condition()), 'condition', at(1), 'i').shortfall;
    expect(() => redetect(s, condition())).toThrow(/resolved/);
  });
});

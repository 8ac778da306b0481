import type { Logger } from '@buqi/observability';
import type { StoredAsset } from '../../../assets/persistence/asset.repository';
import type { ConditionAssessed, ShortfallSignals } from '../../../shortfalls/shortfall-signals';
import { ConditionSignal } from './condition-signal';

const signal: ConditionAssessed = {
  asset: { code: 'NY-RD-001' } as StoredAsset,
  index: 82.9,
  source: 'inspection insp-0000000000000001',
  at: new Date('2026-03-02T09:15:00Z'),
};
const logger = () => ({ error: jest.fn() }) as unknown as Logger & { error: jest.Mock };
const rules = (conditionAssessed: jest.Mock) => ({ conditionAssessed }) as unknown as ShortfallSignals;

describe('ConditionSignal', () => {
  it('tells the shortfall rules what was assessed', async () => {
    const told = jest.fn().mockResolvedValue(undefined);
    await expect(new ConditionSignal(logger(), rules(told)).send(signal)).resolves.toBe(true);
    expect(told).toHaveBeenCalledWith(signal);
  });

  it('logs a failing rule instead of failing the recorded inspection', async () => {
    const log = logger();
    const told = jest.fn().mockRejectedValue(new Error('rules down'));
    await expect(new ConditionSignal(log, rules(told)).send(signal)).resolves.toBe(false);
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ assetId: 'NY-RD-001', source: signal.source }),
      expect.any(String),
    );
  });

  it('does nothing when no shortfall rules are provided', async () => {
    await expect(new ConditionSignal(logger()).send(signal)).resolves.toBe(true);
  });
});

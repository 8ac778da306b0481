import type { Caller } from '@buqi/auth';
import { EventPublisher, VersionConflictError } from '@buqi/messaging';
import type { AssetRepository, StoredAsset } from '../../../assets/persistence/asset.repository';
import type { InspectionRepository, StoredInspection } from '../../persistence/inspection.repository';
import { LatestCondition, MAX_ATTEMPTS } from './latest-condition';

// The guarded write against fakes: what happens on a stale version, without engines (the
// integration spec does it for real with a rename between the read and the write).
const caller = { actor: { kind: 'user', id: 'u-zhao' }, now: new Date('2026-03-02T10:00:00Z') } as Caller;
const asset = (version: number, name = '南院主干道'): StoredAsset =>
  ({
    code: 'NY-RD-001',
    assetClass: 'road-segment',
    name,
    siteId: 'NY',
    location: { x: 1, y: 1 },
    criticality: 3,
    installedOn: '2009-06-01',
    expectedLifeYears: 15,
    replacementCostFen: 1,
    status: 'in-service',
    department: 'general-affairs',
    road: { lengthM: 1, widthM: 1, areaM2: 1, pavement: 'asphalt', roadClass: 'branch' },
    version,
  }) as StoredAsset;
const newest = {
  id: 'insp-0000000000000001',
  inspectedAt: new Date('2026-03-02T09:15:00Z'),
  condition: { index: 82.9, grade: 'B', action: 'minor-repair', method: 'cjj36', factors: {} },
} as StoredInspection;
const events = { entry: jest.fn(() => ({ entry: {} })) } as unknown as EventPublisher;

function setUp(save: jest.Mock, reread: StoredAsset = asset(2, '南院主干道（东段）')) {
  const assets = { save, get: jest.fn().mockResolvedValue(reread) };
  const inspections = { newest: jest.fn().mockResolvedValue(newest) };
  const latest = new LatestCondition(
    assets as unknown as AssetRepository,
    inspections as unknown as InspectionRepository,
    events,
  );
  return { latest, assets };
}

describe('LatestCondition', () => {
  it('reads the asset again and retries when it changed meanwhile', async () => {
    const save = jest
      .fn()
      .mockRejectedValueOnce(new VersionConflictError('asset', 'NY-RD-001', 1, 2))
      .mockImplementation((a: StoredAsset, v: number) => Promise.resolve({ ...a, version: v + 1 }));
    const { latest, assets } = setUp(save);
    const { asset: saved, applied } = await latest.refresh(asset(1), caller);
    expect(applied).toBe(newest);
    expect(saved).toMatchObject({ name: '南院主干道（东段）', version: 3 });
    expect(assets.get).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenLastCalledWith(
      expect.objectContaining({ name: '南院主干道（东段）' }),
      2,
      'u-zhao',
      caller.now,
      [expect.anything()],
      {
        condition: {
          index: 82.9,
          grade: 'B',
          action: 'minor-repair',
          method: 'cjj36',
          assessedAt: newest.inspectedAt,
        },
      },
    );
  });

  it('gives up after a bounded number of attempts with the conflict', async () => {
    const save = jest.fn().mockRejectedValue(new VersionConflictError('asset', 'NY-RD-001', 1, 2));
    const { latest } = setUp(save);
    await expect(latest.refresh(asset(1), caller)).rejects.toBeInstanceOf(VersionConflictError);
    expect(save).toHaveBeenCalledTimes(MAX_ATTEMPTS);
  });

  it('writes nothing when the asset’s condition is as new as the newest inspection', async () => {
    const save = jest.fn();
    const { latest } = setUp(save);
    const current = { ...asset(4), condition: { index: 60, assessedAt: newest.inspectedAt } };
    expect(await latest.refresh(current, caller)).toEqual({ asset: current });
    expect(save).not.toHaveBeenCalled();
  });
});

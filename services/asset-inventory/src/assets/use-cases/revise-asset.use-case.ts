import { Injectable } from '@nestjs/common';
import { AuditTrail, type Caller } from '@buqi/auth';
import { DomainValidationError } from '@buqi/domain-kernel';
import { EventPublisher, VersionConflictError } from '@buqi/messaging';
import { assetStateEntry } from '../events/asset-state.event';
import { AssetRepository, type StoredAsset } from '../persistence/asset.repository';
import { assetFromRequest } from './asset-draft';
import { AssetChecks } from './asset-checks';
import type { AssetRequest } from './asset-requests';

/** Replaces an asset's description, if it is still at the version the caller read. */
@Injectable()
export class ReviseAsset {
  constructor(
    private readonly assets: AssetRepository,
    private readonly checks: AssetChecks,
    private readonly events: EventPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(code: string, version: number, request: AssetRequest, caller: Caller): Promise<StoredAsset> {
    const before = await this.assets.get(code);
    if (before.version !== version) throw new VersionConflictError('asset', code, version, before.version);
    if (before.assetClass !== request.assetClass)
      throw new DomainValidationError('code', code, `is a ${before.assetClass}, not a ${request.assetClass}`);
    const after = await this.checks.check(assetFromRequest(code, request), caller.now);
    const stored = await this.assets.save(after, version, caller.actor.id, caller.now, [
      assetStateEntry(this.events, after, version + 1, caller, before.condition, before.lastCalibratedAt),
    ]);
    const {
      version: _v,
      condition: _c,
      deviceKey: _k,
      createdAt: _ca,
      createdBy: _cb,
      updatedAt: _ua,
      updatedBy: _ub,
      ...was
    } = before;
    await this.audit.record({
      actor: caller.principal,
      action: 'asset.revise',
      resource: { type: after.assetClass, id: code },
      before: was,
      after,
      origin: caller.origin,
    });
    return stored;
  }
}

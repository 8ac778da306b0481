import { Injectable } from '@nestjs/common';
import { AuditTrail, generateDeviceKey, type Caller } from '@buqi/auth';
import { isDuplicateKey } from '@buqi/messaging';
import { EventPublisher } from '@buqi/messaging';
import { ConflictError } from '@buqi/domain-kernel';
import { duplicateAsset } from '../domain/asset';
import { assetStateEntry } from '../events/asset-state.event';
import { AssetRepository, type StoredAsset } from '../persistence/asset.repository';
import { assetFromRequest } from './asset-draft';
import { AssetChecks } from './asset-checks';
import type { AssetRequest } from './asset-requests';

/**
 * Registers an asset of any class; its state goes out as asset.state.v1 with the same write. A
 * device gets its API key here: returned once, stored only as a hash.
 */
@Injectable()
export class RegisterAsset {
  constructor(
    private readonly assets: AssetRepository,
    private readonly checks: AssetChecks,
    private readonly events: EventPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(
    code: string,
    request: AssetRequest,
    caller: Caller,
  ): Promise<{ asset: StoredAsset; apiKey?: string }> {
    const asset = await this.checks.check(assetFromRequest(code, request), caller.now);
    const key = asset.assetClass === 'monitoring-device' ? generateDeviceKey() : undefined;
    let stored: StoredAsset;
    try {
      stored = await this.assets.create(
        asset,
        caller.actor.id,
        caller.now,
        [assetStateEntry(this.events, asset, 1, caller)],
        key && { keyId: key.keyId, hash: key.hash, issuedAt: caller.now },
      );
    } catch (err) {
      if (err instanceof ConflictError || isDuplicateKey(err)) throw duplicateAsset(code);
      throw err;
    }
    await this.audit.record({
      actor: caller.principal,
      action: 'asset.register',
      resource: { type: asset.assetClass, id: code },
      after: asset,
      origin: caller.origin,
    });
    return { asset: stored, ...(key && { apiKey: key.key }) };
  }
}

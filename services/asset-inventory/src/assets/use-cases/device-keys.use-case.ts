import { Injectable } from '@nestjs/common';
import { AuditTrail, generateDeviceKey, type Caller } from '@buqi/auth';
import { ConflictError, DomainValidationError } from '@buqi/domain-kernel';
import { AssetRepository, type StoredAsset } from '../persistence/asset.repository';

/**
 * A device's own API key: replaced (the old one stops working at once, the new one is shown once)
 * or revoked (the device is shut out until a new key is issued).
 */
@Injectable()
export class DeviceKeys {
  constructor(
    private readonly assets: AssetRepository,
    private readonly audit: AuditTrail,
  ) {}

  async rotate(code: string, caller: Caller): Promise<{ asset: StoredAsset; apiKey: string }> {
    const device = await this.device(code);
    const key = generateDeviceKey();
    const asset = await this.assets.save(device, device.version, caller.actor.id, caller.now, [], {
      deviceKey: { keyId: key.keyId, hash: key.hash, issuedAt: caller.now },
    });
    await this.record('device.rotate-key', code, caller);
    return { asset, apiKey: key.key };
  }

  async revoke(code: string, caller: Caller): Promise<StoredAsset> {
    const device = await this.device(code);
    if (!device.deviceKey)
      throw new ConflictError('no-key', `device ${code} has no key to revoke`, { id: code });
    if (device.deviceKey.revokedAt) return device;
    const asset = await this.assets.save(device, device.version, caller.actor.id, caller.now, [], {
      deviceKey: { ...device.deviceKey, revokedAt: caller.now },
    });
    await this.record('device.revoke-key', code, caller);
    return asset;
  }

  private async device(code: string) {
    const asset = await this.assets.get(code);
    if (asset.assetClass !== 'monitoring-device')
      throw new DomainValidationError(
        'code',
        code,
        `is a ${asset.assetClass}; only monitoring devices have keys`,
      );
    return asset;
  }

  private record(action: string, code: string, caller: Caller) {
    return this.audit.record({
      actor: caller.principal,
      action,
      resource: { type: 'monitoring-device', id: code },
      origin: caller.origin,
    });
  }
}

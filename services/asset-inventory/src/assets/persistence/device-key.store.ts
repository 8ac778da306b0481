import { Injectable } from '@nestjs/common';
import type { DeviceKeyStore, StoredDeviceKey } from '@buqi/auth';
import { AssetRepository } from './asset.repository';

/** Device keys live on their device's asset document (hash only), found by key id. */
@Injectable()
export class AssetDeviceKeyStore implements DeviceKeyStore {
  constructor(private readonly assets: AssetRepository) {}

  async find(keyId: string): Promise<StoredDeviceKey | undefined> {
    const device = await this.assets.findByKeyId(keyId);
    if (!device?.deviceKey) return undefined;
    return {
      deviceId: device.code,
      hash: device.deviceKey.hash,
      revoked: device.deviceKey.revokedAt !== undefined || device.status === 'retired',
    };
  }
}

import { Injectable } from '@nestjs/common';
import { ConflictError, DomainValidationError, NotFoundError } from '@buqi/domain-kernel';
import type { StoredAsset } from '../../assets/persistence/asset.repository';
import { RecentAssets } from '../../assets/use-cases/recent-assets';

export type StoredDevice = Extract<StoredAsset, { assetClass: 'monitoring-device' }>;

/** The monitoring device a batch claims to come from, if it may report: registered and in service. */
@Injectable()
export class ReportingDevices {
  constructor(private readonly assets: RecentAssets) {}

  /** Read at most RECENT_ASSET_MS ago: a device taken out of service is refused within that time. */
  async get(code: string, now = Date.now()): Promise<StoredDevice> {
    const asset = await this.assets.find(code, now);
    if (!asset) throw new NotFoundError('asset', code);
    if (!isDevice(asset))
      throw new DomainValidationError('deviceId', code, `is a ${asset.assetClass}, not a monitoring device`);
    if (asset.status !== 'in-service')
      throw new ConflictError(
        'device-not-in-service',
        `device ${code} is ${asset.status}: readings are taken only from devices in service`,
        { id: code, status: asset.status },
      );
    return asset;
  }
}

export function isDevice(asset: StoredAsset): asset is StoredDevice {
  return asset.assetClass === 'monitoring-device';
}

import { Injectable } from '@nestjs/common';
import { ConflictError, DomainValidationError } from '@buqi/domain-kernel';
import { AssetRepository, type StoredAsset } from '../../assets/persistence/asset.repository';

export type StoredDevice = Extract<StoredAsset, { assetClass: 'monitoring-device' }>;

/**
 * A device's asset is read at most every few seconds while it reports (a batch every few seconds
 * would otherwise read it each time): a device taken out of service is refused within that time.
 */
export const DEVICE_CACHE_MS = 10_000;

/** The monitoring device a batch claims to come from, if it may report: registered and in service. */
@Injectable()
export class ReportingDevices {
  private readonly recent = new Map<string, { asset: StoredAsset; readAt: number }>();

  constructor(private readonly assets: AssetRepository) {}

  async get(code: string, now = Date.now()): Promise<StoredDevice> {
    let cached = this.recent.get(code);
    if (!cached || now - cached.readAt >= DEVICE_CACHE_MS) {
      cached = { asset: await this.assets.get(code), readAt: now };
      this.recent.set(code, cached);
    }
    const { asset } = cached;
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

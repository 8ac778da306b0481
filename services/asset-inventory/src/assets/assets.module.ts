import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DEVICE_KEY_STORE } from '@buqi/auth';
import { registerOutbox } from '@buqi/messaging';
import { SitesModule } from '../sites/sites.module';
import { AssetsController } from './http/assets.controller';
import { ASSET_MODEL, assetSchema } from './persistence/asset.schema';
import { AssetRepository } from './persistence/asset.repository';
import { AssetDeviceKeyStore } from './persistence/device-key.store';
import { AssetChecks } from './use-cases/asset-checks';
import { DeviceKeys } from './use-cases/device-keys.use-case';
import { GetAsset } from './use-cases/get-asset.query';
import { ListAssets } from './use-cases/list-assets.query';
import { RecentAssets } from './use-cases/recent-assets';
import { RegisterAsset } from './use-cases/register-asset.use-case';
import { ReviseAsset } from './use-cases/revise-asset.use-case';

/** Road segments, restrooms and monitoring devices: one core, class-specific attributes. */
@Module({
  imports: [MongooseModule.forFeature([{ name: ASSET_MODEL, schema: assetSchema }]), SitesModule],
  controllers: [AssetsController],
  providers: [
    registerOutbox(ASSET_MODEL),
    AssetRepository,
    AssetChecks,
    RegisterAsset,
    ReviseAsset,
    ListAssets,
    GetAsset,
    DeviceKeys,
    RecentAssets,
    { provide: DEVICE_KEY_STORE, useClass: AssetDeviceKeyStore },
  ],
  exports: [AssetRepository, RecentAssets, DEVICE_KEY_STORE, AssetChecks, RegisterAsset, ReviseAsset],
})
export class AssetsModule {}

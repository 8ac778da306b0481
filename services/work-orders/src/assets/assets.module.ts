import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AssetStateConsumer } from './asset-state.consumer';
import { KNOWN_ASSET_MODEL, knownAssetSchema } from './known-asset.schema';
import { KnownAssets } from './known-assets';

/** The campus's assets as work orders need them: department, place, footfall (from asset.state.v1). */
@Module({
  imports: [MongooseModule.forFeature([{ name: KNOWN_ASSET_MODEL, schema: knownAssetSchema }])],
  providers: [KnownAssets, AssetStateConsumer],
  exports: [KnownAssets],
})
export class AssetsModule {}

import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AssetStateConsumer } from './consumers/asset-state.consumer';
import { KNOWN_ASSET_MODEL, knownAssetSchema } from './persistence/known-asset.schema';
import { KnownAssetRepository } from './persistence/known-asset.repository';

/** The campus's assets as asset-inventory publishes them: sizes, places, departments, footfall. */
@Module({
  imports: [MongooseModule.forFeature([{ name: KNOWN_ASSET_MODEL, schema: knownAssetSchema }])],
  providers: [KnownAssetRepository, AssetStateConsumer],
  exports: [KnownAssetRepository],
})
export class KnownAssetsModule {}

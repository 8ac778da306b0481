import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { KNOWN_ASSET_MODEL, knownAssetSchema } from './persistence/known-asset.schema';
import { KnownAssetRepository } from './persistence/known-asset.repository';

/**
 * The campus's assets as asset-inventory publishes them: sizes, places, departments, footfall (kept
 * by the candidates module's AssetStateConsumer, which also considers again what waited for them).
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: KNOWN_ASSET_MODEL, schema: knownAssetSchema }])],
  providers: [KnownAssetRepository],
  exports: [KnownAssetRepository],
})
export class KnownAssetsModule {}

import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module';
import { AssetImportController } from './http/asset-import.controller';
import { ExportAssets } from './use-cases/export-assets.query';
import { ImportAssets } from './use-cases/import-assets.use-case';
import { ImportRow } from './use-cases/import-row';

/**
 * Assets from and to spreadsheets, through the assets slice's use cases.
 *
 * Import it before AssetsModule (and any module importing it): routes are registered module by
 * module, and GET /assets/:code registered first would take GET /assets/export.csv.
 */
@Module({
  imports: [AssetsModule],
  controllers: [AssetImportController],
  providers: [ImportAssets, ImportRow, ExportAssets],
})
export class AssetImportModule {}

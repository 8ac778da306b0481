import { Injectable } from '@nestjs/common';
import { AssetRepository, type StoredAsset } from '../persistence/asset.repository';

@Injectable()
export class GetAsset {
  constructor(private readonly assets: AssetRepository) {}

  execute(code: string): Promise<StoredAsset> {
    return this.assets.get(code);
  }
}

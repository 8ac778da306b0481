import { Injectable } from '@nestjs/common';
import { DomainValidationError, NotFoundError } from '@buqi/domain-kernel';
import type { StoredSite } from '../../sites/persistence/site.repository';
import { SiteRepository } from '../../sites/persistence/site.repository';
import { checkAsset, type Asset, type SiteFacts } from '../domain/asset';
import { AssetRepository } from '../persistence/asset.repository';

const today = (now: Date) => now.toISOString().slice(0, 10);

function factsOf(site: StoredSite): SiteFacts {
  return {
    id: site.id,
    plan: site.plan,
    zones: site.zones.map((z) => z.code),
    buildings: site.buildings.map((b) => ({ code: b.code, zone: b.zone })),
  };
}

/** The checks an asset must pass against what else the inventory holds: its site, what it watches. */
@Injectable()
export class AssetChecks {
  constructor(
    private readonly sites: SiteRepository,
    private readonly assets: AssetRepository,
  ) {}

  async check(asset: Asset, now: Date): Promise<Asset> {
    const site = await this.sites.get(asset.siteId).catch((err: unknown) => {
      if (err instanceof NotFoundError)
        throw new DomainValidationError(
          'code',
          asset.code,
          `names site ${asset.siteId}, which does not exist`,
        );
      throw err;
    });
    checkAsset(asset, factsOf(site), today(now));
    if (asset.assetClass === 'monitoring-device') await this.checkWatched(asset.device.watches, site);
    return asset;
  }

  private async checkWatched(
    watches: { assetId: string } | { placeId: string },
    site: StoredSite,
  ): Promise<void> {
    if ('assetId' in watches) {
      const watched = await this.assets.find(watches.assetId);
      if (!watched || watched.status === 'retired')
        throw new DomainValidationError(
          'device.watches.assetId',
          watches.assetId,
          'is not an asset in service',
        );
      if (watched.assetClass === 'monitoring-device')
        throw new DomainValidationError(
          'device.watches.assetId',
          watches.assetId,
          'is a device; a device watches a place or another asset',
        );
      return;
    }
    const [siteId, code] = watches.placeId.split('-');
    const known =
      siteId === site.id &&
      (code === undefined ||
        site.zones.some((z) => z.code === code) ||
        site.buildings.some((b) => b.code === code));
    if (!known)
      throw new DomainValidationError(
        'device.watches.placeId',
        watches.placeId,
        `is not site ${site.id} or one of its zones or buildings`,
      );
  }
}

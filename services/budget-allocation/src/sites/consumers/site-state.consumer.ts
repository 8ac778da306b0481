import { Injectable } from '@nestjs/common';
import { SiteStateV1, type EnvelopeOf } from '@buqi/contracts';
import { OnEvent } from '@buqi/messaging';
import { KnownSiteRepository } from '../persistence/known-site.repository';

/** Keeps the sites and zones asset-inventory publishes, newest version first-come or not. */
@Injectable()
export class SiteStateConsumer {
  constructor(private readonly sites: KnownSiteRepository) {}

  @OnEvent(SiteStateV1)
  async handle(event: EnvelopeOf<typeof SiteStateV1>): Promise<void> {
    const { siteId, version, name, kind, zones, buildings, updatedAt } = event.data;
    await this.sites.apply({
      _id: siteId,
      version,
      name,
      kind,
      zones,
      buildings,
      updatedAt: new Date(updatedAt),
    });
  }
}

import { Injectable } from '@nestjs/common';
import { AuditTrail, type Caller } from '@buqi/auth';
import { EventPublisher } from '@buqi/messaging';
import { registerSite } from '../../domain/site';
import { siteStateEntry } from '../../events/site-state.event';
import { SiteRepository, type StoredSite } from '../../persistence/site.repository';
import type { RegisterSiteRequest } from './register-site.request';

/** Registers a site; its state goes out as site.state.v1 with the same write. A taken code is a 409. */
@Injectable()
export class RegisterSite {
  constructor(
    private readonly sites: SiteRepository,
    private readonly events: EventPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(command: RegisterSiteRequest, caller: Caller): Promise<StoredSite> {
    const site = registerSite(command);
    const stored = await this.sites.create(site, caller.actor.id, caller.now, [
      siteStateEntry(this.events, site, 1, caller),
    ]);
    await this.audit.record({
      actor: caller.principal,
      action: 'site.register',
      resource: { type: 'site', id: site.id },
      after: site,
      origin: caller.origin,
    });
    return stored;
  }
}

import { Injectable } from '@nestjs/common';
import type { DataOf, ShortfallDetectedV2 } from '@buqi/contracts';
import { assessRisk, type PlaceImportance } from '@buqi/domain-risk';
import { KnownAssetRepository } from '../../assets/persistence/known-asset.repository';
import type { KnownAsset } from '../../assets/persistence/known-asset.schema';
import { ServiceQuotaRepository } from '../../quotas/persistence/service-quota.repository';
import { inForce, unitPrice } from '../../quotas/domain/service-quota';
import { KnownSiteRepository } from '../../sites/persistence/known-site.repository';
import { costOf, quantityOf, remedyOptions, type RemedyOption } from '../domain/remedies';
import { CandidateRepository } from '../persistence/candidate.repository';
import { FundCandidate } from './fund-candidate.use-case';
import type { CandidateOption } from '../persistence/candidate.schema';

type Detected = DataOf<typeof ShortfallDetectedV2>;

/**
 * The condition index a shortfall without one (a sensor limit, a silent device, a missing sensor) is
 * weighed as, by its severity. An unverified default, chosen so a critical finding ranks like a
 * failed asset and a minor one like a worn one.
 */
export const INDEX_BY_SEVERITY: Readonly<Record<Detected['severity'], number>> = {
  minor: 70,
  moderate: 55,
  major: 40,
  critical: 20,
};

/** The weight of a place whose building is unknown here: a site's, or a building not yet heard of. */
export const DEFAULT_PLACE_WEIGHT = 0.5;

/**
 * Turns a detected shortfall into its remediation candidate: the options its class, kind and action
 * call for, each costed by the quota in force the day it was detected and the damaged quantity (or
 * the asset's area), and its risk (`libs/domain-risk`) weighed by the asset's footfall and the
 * importance of its building. Repeated detections of the same opening update it while it is open.
 * Then the funding rules decide it, once.
 */
@Injectable()
export class ConsiderShortfall {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly assets: KnownAssetRepository,
    private readonly sites: KnownSiteRepository,
    private readonly quotas: ServiceQuotaRepository,
    private readonly fund: FundCandidate,
  ) {}

  async execute(d: Detected): Promise<'created' | 'updated' | 'unchanged'> {
    const asset = await this.assets.find(d.assetId);
    const detectedAt = new Date(d.detectedAt);
    const options = await Promise.all(
      remedyOptions(d.assetClass, d.kind, d.action).map((o) => this.costed(o, d, asset)),
    );
    const place = await this.place(d, asset);
    const conditionIndex = d.conditionIndex ?? INDEX_BY_SEVERITY[d.severity];
    const risk = assessRisk(
      {
        conditionIndex,
        assetClass: d.assetClass,
        safetyCritical: d.safetyCritical,
        footfallPerDay: asset?.dailyFootfall ?? 0,
        placeId: place.placeId,
        openedAt: new Date(d.openedAt),
        now: detectedAt,
      },
      { placeImportance: [place] },
    );
    const outcome = await this.candidates.considered(
      d.shortfallId,
      {
        assetId: d.assetId,
        assetClass: d.assetClass,
        kind: d.kind,
        severity: d.severity,
        safetyCritical: d.safetyCritical,
        department: d.department,
        siteId: d.siteId,
        ...(d.zoneId && { zoneId: d.zoneId }),
        rules: d.rules,
        ...(d.damage && { damage: d.damage }),
        ...(d.action && { action: d.action }),
        evidence: d.evidence,
        openedAt: new Date(d.openedAt),
        detectedAt,
        options,
        conditionIndex,
        risk: JSON.parse(JSON.stringify(risk)) as Record<string, unknown>,
        riskScore: risk.score,
        priority: risk.priority,
      },
      new Date(),
    );
    // Also when unchanged: a crash may have come between the candidate and its decision.
    await this.fund.execute(d.shortfallId);
    return outcome;
  }

  private async costed(
    o: RemedyOption,
    d: Detected,
    asset: KnownAsset | undefined,
  ): Promise<CandidateOption> {
    const base = { option: o.option, taskType: o.taskType, description: o.description };
    const quantity = quantityOf(
      o.basis,
      d.damage && { value: d.damage.quantity, unit: d.damage.unit },
      asset?.size.areaM2,
    );
    if ('missing' in quantity) return { ...base, missing: quantity.missing };
    const quota = await this.quotas.find(o.taskType);
    const version = quota && inForce(quota, d.detectedAt.slice(0, 10));
    if (!version)
      return {
        ...base,
        quantity: quantity.value,
        unit: quantity.unit,
        missing: `no ${o.taskType} quota in force on ${d.detectedAt.slice(0, 10)}`,
      };
    const price = unitPrice(version);
    return {
      ...base,
      quantity: quantity.value,
      unit: quantity.unit,
      quotaVersion: version.version,
      unitPriceFen: price,
      costFen: costOf(quantity.value, price),
      standardHours: Math.round(quantity.value * version.standardHoursPerUnit * 100) / 100,
    };
  }

  /** The place the risk is weighed by: the asset's building (importance 1–5 as 0.2–1), else its site. */
  private async place(d: Detected, asset: KnownAsset | undefined): Promise<PlaceImportance> {
    const buildingId = asset?.buildingId ?? d.buildingId;
    const siteId = asset?.siteId ?? d.siteId;
    if (buildingId) {
      const site = await this.sites.find(siteId);
      const building = site?.buildings.find((b) => b.buildingId === buildingId);
      if (building) return { placeId: buildingId, name: building.name, weight: building.importance / 5 };
    }
    return { placeId: buildingId ?? siteId, name: buildingId ?? siteId, weight: DEFAULT_PLACE_WEIGHT };
  }
}

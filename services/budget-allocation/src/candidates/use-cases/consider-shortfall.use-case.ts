import { Injectable } from '@nestjs/common';
import type { DataOf, ShortfallDetectedV2 } from '@buqi/contracts';
import { assessRisk, type PlaceImportance } from '@buqi/domain-risk';
import { KnownAssetRepository } from '../../assets/persistence/known-asset.repository';
import type { KnownAsset } from '../../assets/persistence/known-asset.schema';
import { ServiceQuotaRepository } from '../../quotas/persistence/service-quota.repository';
import { inForce, unitPrice } from '../../quotas/domain/service-quota';
import { KnownSiteRepository } from '../../sites/persistence/known-site.repository';
import { costOf, quantityOf, remedyOptions, type RemedyOption } from '../domain/remedies';
import { AwaitedFactRepository } from '../persistence/awaited-fact.repository';
import { CandidateRepository, type CandidateFields } from '../persistence/candidate.repository';
import { FundCandidate } from './fund-candidate.use-case';
import type { CandidateDocument, CandidateOption } from '../persistence/candidate.schema';

type Detected = DataOf<typeof ShortfallDetectedV2>;

/** What costing and weighing a shortfall need: from its event, or from the candidate made of it. */
interface ShortfallFacts {
  readonly assetClass: Detected['assetClass'];
  readonly kind: Detected['kind'];
  readonly action?: Detected['action'];
  readonly damage?: Detected['damage'];
  readonly severity: Detected['severity'];
  readonly safetyCritical: boolean;
  readonly conditionIndex?: number;
  readonly siteId: string;
  readonly buildingId?: string;
  readonly openedAt: Date;
  readonly detectedAt: Date;
}

type Assessed = Pick<CandidateFields, 'conditionIndex' | 'risk' | 'riskScore' | 'priority'> & {
  options: CandidateOption[];
};

/** The facts a candidate keeps of its shortfall; undefined for one without them (a withdrawn marker). */
function factsOf(c: CandidateDocument): ShortfallFacts | undefined {
  if (!c.assetClass || !c.kind || !c.severity || !c.siteId || !c.openedAt || !c.detectedAt) return undefined;
  return {
    assetClass: c.assetClass as Detected['assetClass'],
    kind: c.kind as Detected['kind'],
    ...(c.action && { action: c.action as Detected['action'] }),
    ...(c.damage && { damage: c.damage as Detected['damage'] }),
    severity: c.severity as Detected['severity'],
    safetyCritical: c.safetyCritical ?? false,
    ...(c.conditionIndex !== undefined && { conditionIndex: c.conditionIndex }),
    siteId: c.siteId,
    ...(c.buildingId && { buildingId: c.buildingId }),
    openedAt: c.openedAt,
    detectedAt: c.detectedAt,
  };
}

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
 * Then the funding rules decide it, once — or, when no option could be costed yet, again when the
 * facts it lacked arrive (`reconsider`).
 */
@Injectable()
export class ConsiderShortfall {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly assets: KnownAssetRepository,
    private readonly sites: KnownSiteRepository,
    private readonly quotas: ServiceQuotaRepository,
    private readonly fund: FundCandidate,
    private readonly awaited: AwaitedFactRepository,
  ) {}

  async execute(d: Detected): Promise<'created' | 'updated' | 'unchanged'> {
    const asset = await this.assets.find(d.assetId);
    const assessed = await this.assess(
      {
        ...d,
        openedAt: new Date(d.openedAt),
        detectedAt: new Date(d.detectedAt),
      },
      asset,
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
        ...(d.buildingId && { buildingId: d.buildingId }),
        rules: d.rules,
        ...(d.damage && { damage: d.damage }),
        ...(d.action && { action: d.action }),
        evidence: d.evidence,
        openedAt: new Date(d.openedAt),
        detectedAt: new Date(d.detectedAt),
        ...assessed,
      },
      new Date(),
    );
    // Also when unchanged: a crash may have come between the candidate and its decision.
    await this.fund.execute(d.shortfallId);
    // What costing lacked may have arrived while this ran, its handler finding no candidate yet.
    await this.reconsider(d.shortfallId);
    return outcome;
  }

  /**
   * A candidate considered before this service knew what costing it needs (its asset's area, a
   * quota in force; topics are not ordered with each other), deferred as not costed: it waits for
   * those facts (AwaitedFactRepository, written before they are read here, so a fact arriving
   * meanwhile finds it waiting), and is costed and weighed again with what is known now, and decided
   * again once an option can be costed. One not yet decided at all (a crash between the candidate and
   * its decision) is decided. Repeating it changes nothing. `waiting`: it still cannot be costed.
   */
  async reconsider(id: string): Promise<'decided' | 'waiting' | 'unchanged'> {
    let c = await this.candidates.getForDecision(id);
    if (c.status !== 'open') return 'unchanged';
    let outcome: 'decided' | 'unchanged' = 'unchanged';
    if (!c.funding) {
      await this.fund.execute(id);
      c = await this.candidates.getForDecision(id);
      outcome = 'decided';
    }
    if (c.funding?.status !== 'deferred' || c.funding.reason !== 'not-costed') return outcome;
    const facts = factsOf(c);
    const taskTypes = [...new Set((c.options ?? []).map((o) => o.taskType))];
    // No remedy applies to it: no fact can change that.
    if (!facts || taskTypes.length === 0) return outcome;
    await this.awaited.await(id, [
      AwaitedFactRepository.asset(c.assetId),
      ...taskTypes.map((t) => AwaitedFactRepository.task(t)),
    ]);
    const assessed = await this.assess(facts, await this.assets.find(c.assetId));
    if (!assessed.options.some((o) => o.costFen !== undefined)) return 'waiting';
    // Another delivery recosted it first: it decided it too.
    if (!(await this.candidates.recosted(id, c.version, assessed, new Date()))) return outcome;
    await this.fund.execute(id);
    return 'decided';
  }

  /** The options costed, the place and the risk: what a candidate is made of besides the event's facts. */
  private async assess(f: ShortfallFacts, asset: KnownAsset | undefined): Promise<Assessed> {
    const options = await Promise.all(
      remedyOptions(f.assetClass, f.kind, f.action).map((o) => this.costed(o, f, asset)),
    );
    const place = await this.place(f, asset);
    const conditionIndex = f.conditionIndex ?? INDEX_BY_SEVERITY[f.severity];
    const risk = assessRisk(
      {
        conditionIndex,
        assetClass: f.assetClass,
        safetyCritical: f.safetyCritical,
        footfallPerDay: asset?.dailyFootfall ?? 0,
        placeId: place.placeId,
        openedAt: f.openedAt,
        now: f.detectedAt,
      },
      { placeImportance: [place] },
    );
    return {
      options,
      conditionIndex,
      risk: JSON.parse(JSON.stringify(risk)) as Record<string, unknown>,
      riskScore: risk.score,
      priority: risk.priority,
    };
  }

  private async costed(
    o: RemedyOption,
    f: ShortfallFacts,
    asset: KnownAsset | undefined,
  ): Promise<CandidateOption> {
    const base = { option: o.option, taskType: o.taskType, description: o.description };
    const quantity = quantityOf(
      o.basis,
      f.damage && { value: f.damage.quantity, unit: f.damage.unit },
      asset?.size.areaM2,
    );
    if ('missing' in quantity) return { ...base, missing: quantity.missing };
    const day = f.detectedAt.toISOString().slice(0, 10);
    const quota = await this.quotas.find(o.taskType);
    const version = quota && inForce(quota, day);
    if (!version)
      return {
        ...base,
        quantity: quantity.value,
        unit: quantity.unit,
        missing: `no ${o.taskType} quota in force on ${day}`,
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
  private async place(f: ShortfallFacts, asset: KnownAsset | undefined): Promise<PlaceImportance> {
    const buildingId = asset?.buildingId ?? f.buildingId;
    const siteId = asset?.siteId ?? f.siteId;
    if (buildingId) {
      const site = await this.sites.find(siteId);
      const building = site?.buildings.find((b) => b.buildingId === buildingId);
      if (building) return { placeId: buildingId, name: building.name, weight: building.importance / 5 };
    }
    return { placeId: buildingId ?? siteId, name: buildingId ?? siteId, weight: DEFAULT_PLACE_WEIGHT };
  }
}

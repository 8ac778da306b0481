import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ShortfallDetectedV2, ShortfallResolvedV1 } from '@buqi/contracts';
import { ConflictError } from '@buqi/domain-kernel';
import { SEVERITIES } from '@buqi/domain-shortfalls';
import { AggregateStore, EventPublisher, WITHOUT_INTERNAL_FIELDS, type OutboxEntry } from '@buqi/messaging';
import { findPage, type ListRequest, type Page } from '@buqi/platform';
import type { StoredAsset } from '../../assets/persistence/asset.repository';
import {
  openShortfall,
  redetect,
  remediated,
  ruleCleared,
  shortfallId,
  type Detection,
  type Shortfall,
  type ShortfallKind,
} from '../domain/shortfall';
import {
  SHORTFALL_MODEL,
  SHORTFALL_TRACK_MODEL,
  type ShortfallDocument,
  type ShortfallTrackDocument,
} from './shortfall.schema';

export type StoredShortfall = Shortfall & {
  version: number;
  assetClass: string;
  siteId: string;
  department: string;
  severityRank: number;
};

const SYSTEM = { kind: 'system', id: 'shortfall-rules' } as const;
const ATTEMPTS = 5;

/**
 * Where shortfalls are opened, re-detected, remediated and resolved. At most one shortfall of an
 * asset and kind is current: opening one first claims its track with a version-guarded write, so
 * of two detections arriving at once only one opens; the other re-reads and re-detects. Every write
 * carries its event (shortfall.detected.v2, shortfall.resolved.v1) in the same document. A crash
 * between claiming and creating leaves a track naming a shortfall not yet stored: the next detection
 * creates it under that id.
 */
@Injectable()
export class ShortfallBook {
  private readonly shortfalls: AggregateStore<ShortfallDocument>;
  private readonly tracks: AggregateStore<ShortfallTrackDocument>;

  constructor(
    @InjectModel(SHORTFALL_MODEL) private readonly model: Model<ShortfallDocument>,
    @InjectModel(SHORTFALL_TRACK_MODEL) trackModel: Model<ShortfallTrackDocument>,
    private readonly events: EventPublisher,
  ) {
    this.shortfalls = new AggregateStore(model, 'shortfall', events);
    this.tracks = new AggregateStore(trackModel, 'shortfall track', events);
  }

  /** A rule fired for the asset: open a shortfall of its kind, or re-detect the current one. */
  async detect(asset: StoredAsset, detection: Detection): Promise<StoredShortfall> {
    return this.retrying(async () => {
      const key = trackKey(asset.code, detection.kind);
      const track = await this.tracks.findById(key);
      const current = track?.openId ? await this.find(track.openId) : undefined;
      if (track?.openId && !current) return this.create(asset, track.openId, detection);
      if (current && current.status !== 'resolved') {
        const { shortfall, changed } = redetect(current, detection);
        // The same finding again (a sweep, a replay): nothing to write.
        if (!changed && sameEvidence(current, shortfall)) return current;
        return this.save(current, shortfall, changed ? [this.detected(asset, shortfall)] : []);
      }
      const opening = (track?.openings ?? 0) + 1;
      const id = shortfallId(asset.code, detection.kind, opening);
      if (!track) await this.tracks.insert({ _id: key, openId: id, openings: opening });
      else await this.tracks.update(key, track.version, { $set: { openId: id, openings: opening } });
      return this.create(asset, id, detection);
    });
  }

  /**
   * A rule no longer fires for the asset: drop it from the current shortfall of its kind, which is
   * resolved when no rule is left firing. Nothing happens when the rule was not firing.
   */
  async clear(
    asset: StoredAsset,
    kind: ShortfallKind,
    rule: string,
    at: Date,
    source: string,
  ): Promise<StoredShortfall | undefined> {
    const key = trackKey(asset.code, kind);
    const openId = (await this.tracks.findById(key))?.openId;
    if (!openId) return undefined;
    const after = await this.retrying(async () => {
      const current = await this.find(openId);
      if (!current || current.status === 'resolved') return current;
      const { shortfall, changed } = ruleCleared(current, rule, at, source);
      if (!changed) return current;
      const event =
        shortfall.status === 'resolved' ? this.resolved(shortfall, at) : this.detected(asset, shortfall);
      return this.save(current, shortfall, [event]);
    });
    if (after?.status === 'resolved') {
      // Free the track, unless a new opening took it meanwhile.
      await this.retrying(async () => {
        const track = await this.tracks.findById(key);
        if (track?.openId === openId)
          await this.tracks.update(key, track.version, { $unset: { openId: '' } });
      });
    }
    return after;
  }

  /** A work order fixed (one of) the asset's shortfalls: they wait for verification. */
  async remediate(
    assetId: string,
    workOrderId: string,
    at: Date,
    shortfallIdHint?: string,
  ): Promise<StoredShortfall[]> {
    const targets = shortfallIdHint
      ? [await this.find(shortfallIdHint)].filter((s): s is StoredShortfall => s?.assetId === assetId)
      : await this.openOf(assetId);
    const done: StoredShortfall[] = [];
    for (const s of targets) {
      done.push(
        await this.retrying(async () => {
          const fresh = (await this.find(s.id)) as StoredShortfall;
          return fresh.status === 'open' ? this.save(fresh, remediated(fresh, workOrderId, at), []) : fresh;
        }),
      );
    }
    return done;
  }

  /** Whether a rule is one of the findings of the asset's current shortfall of a kind. */
  async firing(assetId: string, kind: ShortfallKind, rule: string): Promise<boolean> {
    const openId = (await this.tracks.findById(trackKey(assetId, kind)))?.openId;
    const current = openId ? await this.find(openId) : undefined;
    return (
      current !== undefined && current.status !== 'resolved' && current.findings.some((f) => f.rule === rule)
    );
  }

  async find(id: string): Promise<StoredShortfall | undefined> {
    const doc = await this.shortfalls.findById(id);
    return doc ? toShortfall(doc) : undefined;
  }

  async openOf(assetId: string): Promise<StoredShortfall[]> {
    const docs = await this.model
      .find({ assetId, status: 'open' }, WITHOUT_INTERNAL_FIELDS)
      .lean<ShortfallDocument[]>();
    return docs.map(toShortfall);
  }

  async list(request: ListRequest): Promise<Page<StoredShortfall>> {
    const page = await findPage<ShortfallDocument>(this.model, request, WITHOUT_INTERNAL_FIELDS);
    return { ...page, items: page.items.map(toShortfall) };
  }

  private async create(asset: StoredAsset, id: string, d: Detection): Promise<StoredShortfall> {
    const shortfall = openShortfall(id, asset.code, d);
    const { id: _id, ...fields } = shortfall;
    try {
      return toShortfall(
        await this.shortfalls.insert(
          {
            _id: id,
            ...fields,
            severityRank: SEVERITIES.indexOf(shortfall.severity),
            assetClass: asset.assetClass,
            siteId: asset.siteId,
            department: asset.department,
          },
          [this.detected(asset, shortfall)],
        ),
      );
    } catch (err) {
      // Created meanwhile by a detection that claimed the same opening: re-detect it instead.
      if (err instanceof ConflictError && err.code === 'duplicate')
        throw new ConflictError('retry', 'created meanwhile');
      throw err;
    }
  }

  private async save(
    before: StoredShortfall,
    after: Shortfall,
    events: OutboxEntry[],
  ): Promise<StoredShortfall> {
    // The stored shortfall's own fields only: the store's (version, asset facts) are not the domain's.
    const {
      id: _id,
      assetId: _a,
      version: _v,
      assetClass: _c,
      siteId: _s,
      department: _d,
      severityRank: _r,
      ...fields
    } = after as StoredShortfall;
    const unset = (['conditionIndex', 'damage', 'action'] as const).filter((f) => after[f] === undefined);
    return toShortfall(
      await this.shortfalls.update(
        before.id,
        before.version,
        {
          $set: { ...fields, severityRank: SEVERITIES.indexOf(after.severity) },
          ...(unset.length && { $unset: Object.fromEntries(unset.map((f) => [f, ''])) }),
        },
        events,
      ),
    );
  }

  /** Re-reads and tries again when another writer got in first (a version conflict). */
  private async retrying<T>(attempt: () => Promise<T>): Promise<T> {
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (err) {
        if (!(err instanceof ConflictError) || n >= ATTEMPTS) throw err;
      }
    }
  }

  private detected(asset: StoredAsset, s: Shortfall): OutboxEntry {
    return this.events.entry(
      ShortfallDetectedV2,
      {
        shortfallId: s.id,
        assetId: asset.code,
        assetClass: asset.assetClass,
        siteId: asset.siteId,
        ...(asset.zone && { zoneId: `${asset.siteId}-${asset.zone}` }),
        ...(asset.building && { buildingId: `${asset.siteId}-${asset.building}` }),
        department: asset.department,
        kind: s.kind,
        rules: s.findings.map((f) => f.rule),
        severity: s.severity,
        safetyCritical: s.safetyCritical,
        ...(s.conditionIndex !== undefined && { conditionIndex: s.conditionIndex }),
        ...(s.damage && { damage: s.damage }),
        ...(s.action && { action: s.action }),
        evidence: [...s.evidence],
        openedAt: s.openedAt.toISOString(),
        detectedAt: s.lastDetectedAt.toISOString(),
      },
      { actor: SYSTEM, time: s.lastDetectedAt },
    ).entry;
  }

  private resolved(s: Shortfall, at: Date): OutboxEntry {
    return this.events.entry(
      ShortfallResolvedV1,
      {
        shortfallId: s.id,
        assetId: s.assetId,
        resolution: s.resolution ?? 'cleared-by-reading',
        ...(s.workOrderId && { workOrderId: s.workOrderId }),
        resolvedAt: at.toISOString(),
      },
      { actor: SYSTEM, time: at },
    ).entry;
  }
}

function sameEvidence(a: Shortfall, b: Shortfall): boolean {
  const evidence = (s: Shortfall) => JSON.stringify(s.findings.map((f) => [f.rule, f.evidence]));
  return evidence(a) === evidence(b);
}

function trackKey(assetId: string, kind: ShortfallKind): string {
  return `${assetId}|${kind}`;
}

function toShortfall(doc: ShortfallDocument): StoredShortfall {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}

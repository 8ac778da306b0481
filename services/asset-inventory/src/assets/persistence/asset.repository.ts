import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import { NotFoundError } from '@buqi/domain-kernel';
import { AggregateStore, EventPublisher, WITHOUT_INTERNAL_FIELDS, type OutboxEntry } from '@buqi/messaging';
import { findPage, type FilterValue, type ListRequest, type Page } from '@buqi/platform';
import type { Asset } from '../domain/asset';
import { ASSET_MODEL, type AssetDocument, type ConditionSummary, type StoredDeviceKey } from './asset.schema';

/** An asset with what the store keeps beside it: version (the ETag), condition, bookkeeping. */
export type StoredAsset = Asset & {
  version: number;
  condition?: ConditionSummary;
  lastCalibratedAt?: Date;
  deviceKey?: StoredDeviceKey;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
};

/** The only user of the Asset model: plain objects out, single guarded writes with their events in. */
@Injectable()
export class AssetRepository {
  private readonly store: AggregateStore<AssetDocument>;

  constructor(
    @InjectModel(ASSET_MODEL) private readonly model: Model<AssetDocument>,
    events: EventPublisher,
  ) {
    this.store = new AggregateStore(model, 'asset', events);
  }

  async get(code: string): Promise<StoredAsset> {
    const doc = await this.store.findById(code);
    if (!doc) throw new NotFoundError('asset', code);
    return toAsset(doc);
  }

  async find(code: string): Promise<StoredAsset | undefined> {
    const doc = await this.store.findById(code);
    return doc ? toAsset(doc) : undefined;
  }

  async create(
    asset: Asset,
    by: string,
    at: Date,
    events: OutboxEntry[],
    deviceKey?: StoredDeviceKey,
  ): Promise<StoredAsset> {
    const doc = { ...fieldsOf(asset, deviceKey), createdAt: at, createdBy: by, updatedAt: at, updatedBy: by };
    return toAsset(await this.store.insert(doc, events, at));
  }

  /** Stores the asset's new state if it is still at `version`; a stale version is a 409. */
  async save(
    asset: Asset,
    version: number,
    by: string,
    at: Date,
    events: OutboxEntry[],
    extra: { condition?: ConditionSummary; lastCalibratedAt?: Date; deviceKey?: StoredDeviceKey } = {},
  ): Promise<StoredAsset> {
    const { _id, device, ...fields } = fieldsOf(asset, extra.deviceKey);
    // A device's attributes are set field by field, so its stored key stays unless a new one is given.
    const deviceFields = device
      ? Object.fromEntries(Object.entries(device).map(([k, v]) => [`device.${k}`, v]))
      : {};
    const unset = [
      ...['zone', 'building'].filter((f) => fields[f as keyof typeof fields] === undefined),
      ...(device && device.firmware === undefined ? ['device.firmware'] : []),
    ];
    const update = {
      $set: {
        ...fields,
        ...deviceFields,
        ...(extra.condition && { condition: extra.condition }),
        ...(extra.lastCalibratedAt && { lastCalibratedAt: extra.lastCalibratedAt }),
        updatedAt: at,
        updatedBy: by,
      },
      ...(unset.length && { $unset: Object.fromEntries(unset.map((f) => [f, ''])) }),
    };
    return toAsset(await this.store.update(_id, version, update, events, at));
  }

  async list(request: ListRequest): Promise<Page<StoredAsset>> {
    const page = await findPage<AssetDocument>(this.model, request, WITHOUT_INTERNAL_FIELDS);
    return { ...page, items: page.items.map(toAsset) };
  }

  /** The stored assets among these codes, in one query (imports compare a whole file at once). */
  async findMany(codes: readonly string[]): Promise<StoredAsset[]> {
    const docs = await this.model
      .find({ _id: mongoose.trusted({ $in: [...codes] }) }, WITHOUT_INTERNAL_FIELDS)
      .lean<AssetDocument[]>();
    return docs.map(toAsset);
  }

  /** Every asset matching equality filters, in code order, read from a cursor (exports, sweeps). */
  async *each(filter: Readonly<Record<string, FilterValue>>): AsyncGenerator<StoredAsset> {
    const cursor = this.model
      .find({ ...filter }, WITHOUT_INTERNAL_FIELDS)
      .sort({ _id: 1 })
      .lean<AssetDocument[]>()
      .cursor();
    for await (const doc of cursor) yield toAsset(doc as AssetDocument);
  }

  /** The device a key id belongs to (device authentication). */
  async findByKeyId(keyId: string): Promise<StoredAsset | undefined> {
    const doc = await this.model
      .findOne({ 'device.key.keyId': keyId }, WITHOUT_INTERNAL_FIELDS)
      .lean<AssetDocument>();
    return doc ? toAsset(doc) : undefined;
  }
}

function fieldsOf(
  asset: Asset,
  deviceKey?: StoredDeviceKey,
): Omit<AssetDocument, 'version' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'condition'> {
  const {
    code,
    assetClass,
    name,
    siteId,
    zone,
    building,
    location,
    criticality,
    installedOn,
    expectedLifeYears,
    replacementCostFen,
    status,
    department,
  } = asset;
  return {
    _id: code,
    assetClass,
    name,
    siteId,
    ...(zone !== undefined && { zone }),
    ...(building !== undefined && { building }),
    location: { x: location.x, y: location.y },
    criticality,
    installedOn,
    expectedLifeYears,
    replacementCostFen,
    status,
    department,
    ...(asset.assetClass === 'road-segment' && { road: { ...asset.road } }),
    ...(asset.assetClass === 'restroom' && {
      restroom: { ...asset.restroom, fixtures: asset.restroom.fixtures.map((f) => ({ ...f })) },
    }),
    ...(asset.assetClass === 'monitoring-device' && {
      device: { ...asset.device, watches: { ...asset.device.watches }, ...(deviceKey && { key: deviceKey }) },
    }),
  };
}

function toAsset(doc: AssetDocument): StoredAsset {
  const { _id, road, restroom, device, ...rest } = doc;
  const core = { code: _id, ...rest };
  if (doc.assetClass === 'road-segment')
    return { ...core, assetClass: 'road-segment', road: road as NonNullable<typeof road> };
  if (doc.assetClass === 'restroom')
    return { ...core, assetClass: 'restroom', restroom: restroom as NonNullable<typeof restroom> };
  const { key, ...attributes } = device as NonNullable<typeof device>;
  return { ...core, assetClass: 'monitoring-device', device: attributes, ...(key && { deviceKey: key }) };
}

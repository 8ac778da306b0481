import { Type } from '@sinclair/typebox';
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { dropTestDatabase, testEngines, uniqueDatabaseName } from '@buqi/testing';
import { listQuerySchema, toListRequest, type ListRequest, type ListSpec } from '../http/list-query';
import { requestValidator } from '../http/request-validator';
import { findPage } from './find-page';
import { applyMongooseSettings } from './mongoose-options';

interface Site {
  _id: string;
  name: string;
  code: string;
  kind: 'road' | 'restroom';
  zone: string;
}

const spec = {
  sortable: ['name', 'code'],
  defaultSort: 'name',
  filters: { kind: Type.Union([Type.Literal('road'), Type.Literal('restroom')]), zone: Type.String() },
} as const satisfies ListSpec;
const parse = requestValidator(listQuerySchema(spec), 'query');
const listRequest = (query: Record<string, string>): ListRequest => toListRequest(parse(query), spec);

const NAMES = ['Gate', 'Hall', 'Road'];
const pad = (i: number) => String(i).padStart(2, '0');
// 25 sites, many sharing a name, stored in an order unlike their ids: only the _id tie-breaker
// gives equal names a fixed order.
const sites: Site[] = Array.from({ length: 25 }, (_, k) => (k * 7) % 25).map((i) => ({
  _id: `s-${pad(i)}`,
  name: NAMES[i % 3],
  code: `C-${pad((i * 11) % 25)}`,
  kind: i % 2 === 0 ? 'road' : 'restroom',
  zone: i < 10 ? 'north' : 'south',
}));
const byNameThenId = [...sites].sort((a, b) => a.name.localeCompare(b.name) || a._id.localeCompare(b._id));

describe('findPage with the list helpers, against the local store', () => {
  const engines = testEngines();
  const database = uniqueDatabaseName('platform_list');
  let connection: Connection;
  let model: Model<Site>;

  beforeAll(async () => {
    applyMongooseSettings();
    connection = await mongoose
      .createConnection(engines.MONGO_URL, { dbName: database, serverSelectionTimeoutMS: 10_000 })
      .asPromise();
    model = connection.model<Site>(
      'ListProbe',
      new Schema<Site>(
        { _id: String, name: String, code: String, kind: String, zone: String },
        { versionKey: false },
      ),
    );
    await model.insertMany(sites);
  });
  afterAll(async () => {
    await connection?.close();
    await dropTestDatabase(engines.MONGO_URL, database);
  });

  it('pages through every item once, in a stable order, with the total', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 7; page += 1) {
      const result = await findPage(model, listRequest({ page: String(page), pageSize: '4' }));
      expect(result).toMatchObject({ page, pageSize: 4, total: 25 });
      expect(result.items.length).toBe(page < 7 ? 4 : 1);
      seen.push(...result.items.map((s) => s._id));
    }
    expect(seen).toEqual(byNameThenId.map((s) => s._id));
    expect((await findPage(model, listRequest({ page: '8', pageSize: '4' }))).items).toEqual([]);
  });

  it('sorts descending on request', async () => {
    const result = await findPage(model, listRequest({ sort: '-code', pageSize: '5' }));
    const codes = [...sites]
      .map((s) => s.code)
      .sort()
      .reverse();
    expect(result.items.map((s) => s.code)).toEqual(codes.slice(0, 5));
  });

  it('filters by equality on the allowed fields', async () => {
    const result = await findPage(model, listRequest({ kind: 'road', zone: 'north', pageSize: '100' }));
    const expected = byNameThenId.filter((s) => s.kind === 'road' && s.zone === 'north');
    expect(result.total).toBe(expected.length);
    expect(result.items).toEqual(expected);
  });

  it('returns only the projected fields when given a projection', async () => {
    const result = await findPage<Site, Pick<Site, '_id' | 'name'>>(model, listRequest({ pageSize: '2' }), {
      name: 1,
    });
    expect(result.items).toEqual(byNameThenId.slice(0, 2).map(({ _id, name }) => ({ _id, name })));
  });

  it('cannot be made to match everything by an operator that reached the filter', async () => {
    // What validation and toListRequest refuse, in case a caller builds a request by hand.
    // sanitizeFilter makes it `{ $eq: { $gt: '' } }`: a value no string equals, refused as a
    // CastError (answered 400), never run as an operator.
    const smuggled = { ...listRequest({}), filter: { name: { $gt: '' } } } as unknown as ListRequest;
    await expect(findPage(model, smuggled)).rejects.toThrow(mongoose.Error.CastError);
  });

  it('runs operators the code marks as trusted, and neutralises unmarked ones', async () => {
    const trusted = await model
      .find({ name: mongoose.trusted({ $gt: 'Hall' }) })
      .lean()
      .exec();
    expect(new Set(trusted.map((s) => s.name))).toEqual(new Set(['Road']));
    await expect(
      model
        .find({ name: { $gt: 'Hall' } })
        .lean()
        .exec(),
    ).rejects.toThrow(mongoose.Error.CastError);
  });
});

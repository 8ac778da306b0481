import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule, getConnectionToken } from '@nestjs/mongoose';
import mongoose, { type Connection } from 'mongoose';
import { DomainValidationError } from '@buqi/domain-kernel';
import { correlation } from '@buqi/observability';
import { dropTestDatabase, testEngines, uniqueDatabaseName } from '@buqi/testing';
import { principalFromClaims, type UserPrincipal } from '../identity/principal';
import { AuditModule } from './audit.module';
import { AUDIT_STATE_MAX_BYTES, AuditTrail } from './audit-trail';

const engines = testEngines();
const database = uniqueDatabaseName('auth_audit');
const DAY = 86_400_000;

const supervisor = principalFromClaims({
  sub: 'u-1',
  name: '张三',
  roles: ['supervisor'],
  crew: 'crew-7',
}) as UserPrincipal;

describe('AuditTrail against the real MongoDB-compatible store', () => {
  let context: INestApplicationContext;
  let trail: AuditTrail;
  let connection: Connection;

  beforeAll(async () => {
    // As PlatformModule sets them for every service.
    mongoose.set('strictQuery', true);
    mongoose.set('sanitizeFilter', true);

    @Module({
      imports: [
        MongooseModule.forRoot(engines.MONGO_URL, { dbName: database, serverSelectionTimeoutMS: 10_000 }),
        AuditModule.forRoot({ AUDIT_RETENTION_DAYS: 180 }),
      ],
    })
    class AuditTestModule {}
    context = await NestFactory.createApplicationContext(AuditTestModule, { logger: false });
    await context.init();
    trail = context.get(AuditTrail);
    connection = context.get<Connection>(getConnectionToken());
  });
  afterAll(async () => {
    await context?.close();
    await dropTestDatabase(engines.MONGO_URL, database);
  });
  beforeEach(() => connection.collection('audit_log').deleteMany({}));

  it('appends a record with the actor, the masked state, the origin and the correlation id', async () => {
    const at = new Date('2026-11-02T08:00:00.000Z');
    const stored = await correlation.run('corr-42', () =>
      trail.record({
        actor: supervisor,
        action: 'work-order.close',
        resource: { type: 'work-order', id: 'wo-1' },
        before: { status: 'in-progress', reporter: { name: '李四', phone: '13812345678' } },
        after: { status: 'closed' },
        at,
        origin: { ip: '10.1.2.3', userAgent: 'curl/8' },
      }),
    );

    const page = await trail.list({ skip: 0, limit: 10 });
    expect(page).toEqual({ items: [stored], total: 1 });
    expect(stored).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      at,
      actor: { kind: 'user', id: 'u-1', name: '张三', roles: ['supervisor'] },
      action: 'work-order.close',
      resource: { type: 'work-order', id: 'wo-1' },
      before: { status: 'in-progress', reporter: { name: '李四', phone: '138****5678' } },
      after: { status: 'closed' },
      outcome: 'success',
      ip: '10.1.2.3',
      userAgent: 'curl/8',
      correlationId: 'corr-42',
    });
    const raw = await connection.collection('audit_log').findOne({});
    expect(JSON.stringify(raw)).not.toContain('13812345678');
  });

  it('keeps a device actor as kind and id, and records refusals', async () => {
    const stored = await trail.record({
      actor: { kind: 'device', id: 'dev-1' },
      action: 'telemetry.ingest',
      resource: { type: 'device', id: 'dev-1' },
      outcome: 'denied',
    });
    expect(stored).toMatchObject({ actor: { kind: 'device', id: 'dev-1' }, outcome: 'denied' });
    expect(stored).not.toHaveProperty('before');
  });

  it(`replaces state larger than ${AUDIT_STATE_MAX_BYTES} bytes of JSON by a note`, async () => {
    const stored = await trail.record({
      actor: supervisor,
      action: 'asset.update',
      resource: { type: 'asset', id: 'a-1' },
      before: { notes: 'x'.repeat(AUDIT_STATE_MAX_BYTES) },
      after: { notes: 'short' },
    });
    expect(stored.before).toEqual({
      omitted: expect.stringMatching(/^\d+ bytes of JSON, over the 4096-byte limit$/),
    });
    expect(stored.after).toEqual({ notes: 'short' });
  });

  describe('list', () => {
    const base = new Date('2026-10-01T00:00:00.000Z').getTime();
    beforeEach(async () => {
      // Five records an hour apart: u-1 on wo-1 and wo-2 alternately, u-2 on wo-9 last.
      for (let i = 0; i < 4; i += 1) {
        await trail.record({
          actor: supervisor,
          action: 'work-order.update',
          resource: { type: 'work-order', id: i % 2 === 0 ? 'wo-1' : 'wo-2' },
          at: new Date(base + i * 3_600_000),
        });
      }
      await trail.record({
        actor: { kind: 'user', id: 'u-2' },
        action: 'budget.approve',
        resource: { type: 'budget', id: 'b-9' },
        at: new Date(base + 4 * 3_600_000),
      });
    });
    const hours = (page: { items: readonly { at: Date }[] }) =>
      page.items.map((r) => (r.at.getTime() - base) / 3_600_000);

    it('returns the newest first, paged, with the total', async () => {
      const first = await trail.list({ skip: 0, limit: 2 });
      expect(first.total).toBe(5);
      expect(hours(first)).toEqual([4, 3]);
      expect(hours(await trail.list({ skip: 2, limit: 2 }))).toEqual([2, 1]);
    });

    it('filters by actor, by resource, and by time', async () => {
      expect(hours(await trail.list({ actorId: 'u-2', skip: 0, limit: 10 }))).toEqual([4]);
      const wo1 = await trail.list({ resourceType: 'work-order', resourceId: 'wo-1', skip: 0, limit: 10 });
      expect({ total: wo1.total, hours: hours(wo1) }).toEqual({ total: 2, hours: [2, 0] });
      const window = await trail.list({
        from: new Date(base + 1 * 3_600_000),
        to: new Date(base + 3 * 3_600_000),
        skip: 0,
        limit: 10,
      });
      expect(hours(window)).toEqual([2, 1]);
    });

    it('refuses an operator smuggled into a filter value', async () => {
      const smuggled = { actorId: { $ne: 'nobody' } as unknown as string, skip: 0, limit: 10 };
      await expect(trail.list(smuggled)).rejects.toMatchObject({
        name: 'DomainValidationError',
        field: 'actorId',
      });
    });

    it.each([
      [{ skip: -1, limit: 10 }, 'skip'],
      [{ skip: 0, limit: 0 }, 'limit'],
      [{ skip: 0, limit: 201 }, 'limit'],
      [{ skip: 0, limit: 10, from: new Date('nope') }, 'from'],
    ])('refuses %j naming %s', async (query, field) => {
      await expect(trail.list(query)).rejects.toEqual(expect.any(DomainValidationError));
      await expect(trail.list(query)).rejects.toMatchObject({ field });
    });
  });

  it('purges only records older than the retention', async () => {
    const now = new Date('2026-11-29T00:00:00.000Z');
    const ages = [181, 180.5, 179, 1];
    for (const age of ages) {
      await trail.record({
        actor: supervisor,
        action: 'asset.read',
        resource: { type: 'asset', id: `age-${age}` },
        at: new Date(now.getTime() - age * DAY),
      });
    }
    expect(await trail.purgeExpired(now)).toBe(2);
    const left = await trail.list({ skip: 0, limit: 10 });
    expect(left.items.map((r) => r.resource.id)).toEqual(['age-1', 'age-179']);
  });

  it('refuses to change or delete a record through the model', async () => {
    const stored = await trail.record({ actor: supervisor, action: 'a', resource: { type: 't', id: '1' } });
    const model = connection.models['AuditRecord'];
    await expect(model.updateOne({ _id: stored.id }, { action: 'b' })).rejects.toThrow('append-only');
    await expect(model.findOneAndDelete({ _id: stored.id })).rejects.toThrow('append-only');
    await expect(model.deleteOne({ _id: stored.id })).rejects.toThrow('append-only');
    expect((await trail.list({ skip: 0, limit: 1 })).items[0].action).toBe('a');
  });

  it('declares the indexes that list and the purge use', async () => {
    const names = (await connection.collection('audit_log').indexes()).map((index) => index.key);
    expect(names).toEqual(
      expect.arrayContaining([
        { at: -1 },
        { 'actor.id': 1, at: -1 },
        { 'resource.type': 1, 'resource.id': 1, at: -1 },
      ]),
    );
  });
});

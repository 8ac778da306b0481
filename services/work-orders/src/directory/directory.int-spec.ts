import { startServiceApp, type Answer, type ServiceUnderTest } from '../test-fixtures/service-app';
import { PersonRepository } from './persistence/person.repository';
import { Directory } from './use-cases/directory.service';

// The directory through the whole service, in process: the same app set-up as production, real
// MongoDB (FerretDB), Redis and Kafka, tokens from a test issuer.
let service: ServiceUnderTest;
const token: Record<string, string> = {};
const PEOPLE = {
  admin: { sub: 'u-admin', roles: ['admin'] },
  supervisor: { sub: 'u-chen', roles: ['supervisor'], department: 'general-affairs' },
  head: { sub: 'u-head', roles: ['department-head'], department: 'general-affairs' },
  zhang: { sub: 'u-zhang', roles: ['crew-member'], crew: 'roads-1' },
  wang: { sub: 'u-wang', roles: ['crew-member'], crew: 'roads-2' },
  li: { sub: 'u-li', roles: ['contractor'], contractor: 'hengtai' },
  finance: { sub: 'u-qian', roles: ['finance'] },
} as const;
type Who = keyof typeof PEOPLE;

beforeAll(async () => {
  service = await startServiceApp('directory');
  for (const [who, claims] of Object.entries(PEOPLE))
    token[who] = await service.issuer.token({ ...claims, roles: [...claims.roles] });
});

afterAll(() => service?.close());

const call = (method: string, path: string, who?: Who, body?: unknown, headers?: Record<string, string>) =>
  service.call(method, path, {
    ...(who && { token: token[who] }),
    ...(body !== undefined && { body }),
    ...(headers && { headers }),
  });

const created = (answer: Answer) => {
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status: 201 });
  return answer.body;
};
const items = <T = Record<string, unknown>>(answer: Answer) => answer.body['items'] as T[];
/** The fields a 400 or 422 names, each once, sorted. */
const fields = (answer: Answer) =>
  [...new Set((answer.body['errors'] as { field: string }[]).map((e) => e.field))].sort();

const roads1 = {
  id: 'roads-1',
  name: '道路一班',
  department: 'general-affairs',
  trades: ['roads'],
  zones: ['NY-A'],
  capacityHoursPerDay: 16,
};
const roads2 = {
  id: 'roads-2',
  name: '道路二班',
  department: 'general-affairs',
  trades: ['roads', 'cleaning'],
  zones: ['XH-A'],
  capacityHoursPerDay: 32,
  calendar: 'six-day',
};
const hengtai = {
  id: 'hengtai',
  name: '恒泰物业管理有限公司',
  trades: ['roads', 'plumbing'],
  zones: ['NY-B'],
  capacityHoursPerDay: 24,
  calendar: 'every-day',
  contact: { name: '李经理', phone: '13987654321', email: 'li.jingli@hengtai.cn' },
  contractNumber: 'BQ-2026-017',
};
const zhang = {
  id: 'u-zhang',
  name: '张伟',
  roles: ['crew-member'],
  department: 'general-affairs',
  crew: 'roads-1',
  phone: '13812345678',
  email: 'zhang.wei@bureau.gov.cn',
};

describe('the directory', () => {
  it('builds departments, people, crews and contractors, each answered with its version as ETag', async () => {
    const department = await call('POST', '/directory/departments', 'admin', {
      id: 'general-affairs',
      name: '综合处',
    });
    expect(created(department)).toMatchObject({
      id: 'general-affairs',
      name: '综合处',
      active: true,
      version: 1,
    });
    expect(department.headers.get('etag')).toBe('"1"');
    expect(department.headers.get('location')).toBe('/directory/departments/general-affairs');
    created(await call('POST', '/directory/departments', 'admin', { id: 'finance-office', name: '财务处' }));

    const crew = await call('POST', '/directory/crews', 'supervisor', roads1);
    expect(created(crew)).toMatchObject({
      ...roads1,
      calendar: 'statutory',
      active: true,
      members: [],
      version: 1,
      createdBy: 'u-chen',
    });
    created(await call('POST', '/directory/crews', 'admin', roads2));
    expect(created(await call('POST', '/directory/contractors', 'supervisor', hengtai))).toMatchObject({
      id: 'hengtai',
      contact: hengtai.contact,
      contractNumber: 'BQ-2026-017',
    });

    expect(created(await call('POST', '/directory/people', 'admin', zhang))).toMatchObject(zhang);
    for (const person of [
      { id: 'u-wang', name: '王强', roles: ['crew-member'], department: 'general-affairs', crew: 'roads-2' },
      {
        id: 'u-chen',
        name: '陈主管',
        roles: ['supervisor'],
        department: 'general-affairs',
        phone: '010-66778899',
        email: 'chen@bureau.gov.cn',
      },
      {
        id: 'u-head',
        name: '刘处长',
        roles: ['department-head'],
        department: 'general-affairs',
        phone: '13700001111',
      },
      {
        id: 'u-li',
        name: '李明',
        roles: ['contractor'],
        department: 'general-affairs',
        contractor: 'hengtai',
      },
      { id: 'u-qian', name: '钱会计', roles: ['finance'], department: 'finance-office' },
    ])
      created(await call('POST', '/directory/people', 'admin', person));

    const read = await call('GET', '/directory/crews/roads-1', 'zhang');
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body['members']).toEqual([{ id: 'u-zhang', name: '张伟', active: true }]);
    const contractor = await call('GET', '/directory/contractors/hengtai', 'supervisor');
    expect(contractor.body['members']).toEqual([{ id: 'u-li', name: '李明', active: true }]);
  });

  it('refuses a taken id, a crew id a contractor has, and references to nothing', async () => {
    const again = await call('POST', '/directory/departments', 'admin', {
      id: 'general-affairs',
      name: '综合处',
    });
    expect(again.status).toBe(409);
    const shared = await call('POST', '/directory/crews', 'supervisor', { ...roads1, id: 'hengtai' });
    expect(shared.status).toBe(409);
    expect(shared.body).toMatchObject({ code: 'assignee-id-taken' });
    const noCrew = await call('POST', '/directory/people', 'admin', {
      ...zhang,
      id: 'u-zhao',
      crew: 'roads-9',
    });
    expect(noCrew.status).toBe(422);
    expect(noCrew.body['errors']).toEqual([expect.objectContaining({ field: 'crew', value: 'roads-9' })]);
    const noDepartment = await call('POST', '/directory/crews', 'supervisor', {
      ...roads1,
      id: 'roads-3',
      department: 'nowhere',
    });
    expect(noDepartment.status).toBe(422);
    const withoutCrew = await call('POST', '/directory/people', 'admin', {
      ...zhang,
      id: 'u-zhao',
      crew: undefined,
    });
    expect(withoutCrew.status).toBe(422);
    expect(withoutCrew.body['errors']).toEqual([expect.objectContaining({ field: 'crew' })]);
    expect((await call('GET', '/directory/crews/roads-9', 'zhang')).status).toBe(404);
  });

  it('lets admins keep departments and people, supervisors and admins crews and contractors', async () => {
    const crew = { ...roads1, id: 'roads-3' };
    const byCrewMember = await call('POST', '/directory/crews', 'zhang', crew);
    expect(byCrewMember.status).toBe(403);
    expect((await call('POST', '/directory/contractors', 'li', { ...hengtai, id: 'other' })).status).toBe(
      403,
    );
    expect((await call('POST', '/directory/people', 'supervisor', { ...zhang, id: 'u-x' })).status).toBe(403);
    expect(
      (await call('POST', '/directory/departments', 'supervisor', { id: 'x-office', name: 'X' })).status,
    ).toBe(403);
    expect((await call('POST', '/directory/crews', 'finance', crew)).status).toBe(403);
    expect((await call('GET', '/directory/crews')).status).toBe(401);
    // Everyone signed in reads names and trades.
    for (const who of ['zhang', 'li', 'finance'] as const) {
      expect((await call('GET', '/directory/crews', who)).status).toBe(200);
      expect((await call('GET', '/directory/people', who)).status).toBe(200);
    }
    const reference = await call('GET', '/directory/reference-data', 'zhang');
    expect(reference.body['trades']).toEqual(
      expect.arrayContaining([{ id: 'plumbing', name: '给排水', covers: expect.any(String) as string }]),
    );
  });

  it('lists a page at a time, filtered and sorted', async () => {
    const first = await call('GET', '/directory/people?pageSize=2', 'zhang');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 6 });
    const rest = await call('GET', '/directory/people?pageSize=2&page=3', 'zhang');
    const all = await call('GET', '/directory/people?pageSize=100', 'zhang');
    expect(items(all)).toHaveLength(6);
    expect(items(rest).map((p) => p['id'])).toEqual(
      items(all)
        .slice(4)
        .map((p) => p['id']),
    );

    // Names sort by code point (王 U+738B after 张 U+5F20): FerretDB has no collations.
    const crewMembers = await call('GET', '/directory/people?role=crew-member&sort=-name', 'zhang');
    expect(items(crewMembers).map((p) => p['id'])).toEqual(['u-wang', 'u-zhang']);
    const ofRoads2 = await call('GET', '/directory/people?crew=roads-2', 'zhang');
    expect(items(ofRoads2).map((p) => p['id'])).toEqual(['u-wang']);
    const finance = await call('GET', '/directory/people?department=finance-office', 'zhang');
    expect(finance.body['total']).toBe(1);

    const cleaning = await call('GET', '/directory/crews?trade=cleaning', 'zhang');
    expect(items(cleaning).map((c) => c['id'])).toEqual(['roads-2']);
    const inNyA = await call('GET', '/directory/crews?zoneId=NY-A', 'zhang');
    expect(items(inNyA).map((c) => c['id'])).toEqual(['roads-1']);
    const plumbers = await call('GET', '/directory/contractors?trade=plumbing&active=true', 'zhang');
    expect(items(plumbers).map((c) => c['id'])).toEqual(['hengtai']);
    // 财 U+8D22 after 综 U+7EFC.
    const departments = await call('GET', '/directory/departments?sort=-name', 'zhang');
    expect(items(departments).map((d) => d['id'])).toEqual(['finance-office', 'general-affairs']);
    expect((await call('GET', '/directory/people?pageSize=500', 'zhang')).status).toBe(400);
    expect((await call('GET', '/directory/people?sort=phone', 'zhang')).status).toBe(400);
  });

  it('shows contact details to supervisors, department heads, admins and the person, masked to others', async () => {
    const path = '/directory/people/u-zhang';
    const masked = await call('GET', path, 'wang');
    expect(masked.body).toMatchObject({ name: '张伟', phone: '138****5678', email: 'z***@bureau.gov.cn' });
    for (const who of ['supervisor', 'head', 'admin', 'zhang'] as const) {
      const shown = await call('GET', path, who);
      expect(shown.body).toMatchObject({ phone: '13812345678', email: 'zhang.wei@bureau.gov.cn' });
    }
    const listed = await call('GET', '/directory/people?crew=roads-1', 'finance');
    expect(items(listed)[0]).toMatchObject({ phone: '138****5678' });
    const landline = await call('GET', '/directory/people/u-chen', 'zhang');
    expect(landline.body['phone']).toBe('010-****8899');

    const contractor = await call('GET', '/directory/contractors/hengtai', 'zhang');
    expect(contractor.body['contact']).toEqual({
      name: '李经理',
      phone: '139****4321',
      email: 'l***@hengtai.cn',
    });
    // Its own staff see their contractor's contact.
    const own = await call('GET', '/directory/contractors/hengtai', 'li');
    expect(own.body['contact']).toEqual(hengtai.contact);
    const page = await call('GET', '/directory/contractors', 'wang');
    expect(JSON.stringify(page.body)).not.toContain('13987654321');
  });

  it('answers a bad body with a 400 listing every bad field, and refuses unknown fields', async () => {
    const bad = await call('POST', '/directory/crews', 'supervisor', {
      id: 'Roads 1',
      name: '',
      department: 5,
      trades: ['gardening', 'roads'],
      zones: ['ny-a'],
      capacityHoursPerDay: -1,
      calendar: 'lunar',
    });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual([
      'calendar',
      'capacityHoursPerDay',
      'department',
      'id',
      'name',
      'trades[0]',
      'zones[0]',
    ]);
    const person = await call('POST', '/directory/people', 'admin', {
      id: 'u-x',
      roles: ['gardener'],
      department: 'general-affairs',
      phone: 'call me',
      email: 'not-an-address',
    });
    expect(person.status).toBe(400);
    expect(fields(person)).toEqual(['email', 'name', 'phone', 'roles[0]']);

    const unknown = await call('POST', '/directory/departments', 'admin', {
      id: 'x-office',
      name: 'X 处',
      colour: 'red',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body['errors']).toEqual([
      { location: 'body', field: 'colour', value: 'red', reason: 'is not a known field' },
    ]);
    const nested = await call('POST', '/directory/contractors', 'supervisor', {
      ...hengtai,
      id: 'other',
      contact: { ...hengtai.contact, wechat: 'li123' },
    });
    expect(fields(nested)).toEqual(['contact.wechat']);
    expect((await call('GET', '/directory/departments/x-office', 'admin')).status).toBe(404);
  });

  it('never lets a query or a body become a query operator', async () => {
    const inQuery = await call('GET', '/directory/people?department[$ne]=x', 'zhang');
    expect(inQuery.status).toBe(400);
    expect(inQuery.body).not.toHaveProperty('items');
    const inFilter = await call('GET', '/directory/crews?trade[$in]=roads&zoneId[$gt]=', 'zhang');
    expect(inFilter.status).toBe(400);
    const inName = await call('POST', '/directory/departments', 'admin', {
      id: 'x-office',
      name: { $gt: '' },
    });
    expect(inName.status).toBe(400);
    expect(fields(inName)).toEqual(['name']);
    const atTop = await call('POST', '/directory/departments', 'admin', { $gt: '' });
    expect(atTop.status).toBe(400);
    expect(fields(atTop)).toEqual(['$gt', 'id', 'name']);
    const inPath = await call('GET', `/directory/people/${encodeURIComponent('{"$gt":""}')}`, 'zhang');
    expect(inPath.status).toBe(400);
    const inSuggestion = await call(
      'GET',
      '/directory/suggestions?trade[$ne]=x&zoneId=NY-A&standardHours=1',
      'supervisor',
    );
    expect(inSuggestion.status).toBe(400);
    // Behind validation, Mongoose's sanitizeFilter keeps an operator a literal value.
    const people = service.app.get(PersonRepository);
    await expect(people.get({ $gt: '' } as unknown as string)).rejects.toMatchObject({ name: 'CastError' });
    const smuggled = {
      filter: { department: { $ne: 'x' } as unknown as string },
      sort: { _id: 1 as const },
      skip: 0,
      limit: 10,
      page: 1,
      pageSize: 10,
    };
    await expect(people.list(smuggled)).rejects.toMatchObject({ name: 'CastError' });
  });

  it('changes an entry only at the version the caller read', async () => {
    const path = '/directory/crews/roads-1';
    const change = { ...roads1, id: undefined, capacityHoursPerDay: 24 };
    expect((await call('PUT', path, 'supervisor', change)).status).toBe(428);
    const stale = await call('PUT', path, 'supervisor', change, { 'if-match': '"7"' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version-conflict', details: { expected: 7, current: 1 } });
    const changed = await call('PUT', path, 'supervisor', change, { 'if-match': '"1"' });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(changed.body).toMatchObject({
      capacityHoursPerDay: 24,
      version: 2,
      updatedBy: 'u-chen',
      members: [{ id: 'u-zhang' }],
    });
    const again = await call(
      'PUT',
      path,
      'supervisor',
      { ...change, capacityHoursPerDay: 16 },
      { 'if-match': '"1"' },
    );
    expect(again.status).toBe(409);
    const withId = await call('PUT', path, 'supervisor', { ...roads1 }, { 'if-match': '"2"' });
    expect(withId.status).toBe(400);
    expect(fields(withId)).toEqual(['id']);
    const back = await call(
      'PUT',
      path,
      'supervisor',
      { ...change, capacityHoursPerDay: 16 },
      { 'if-match': '"2"' },
    );
    expect(back.status).toBe(200);

    // A replacement clears what it leaves out.
    const person = await call('GET', '/directory/people/u-head', 'admin');
    const {
      id: _id,
      version,
      createdAt: _c,
      createdBy: _cb,
      updatedAt: _u,
      updatedBy: _ub,
      phone: _p,
      ...rest
    } = person.body;
    const revised = await call('PUT', '/directory/people/u-head', 'admin', rest, {
      'if-match': `"${String(version)}"`,
    });
    expect(revised.status).toBe(200);
    expect(revised.body).not.toHaveProperty('phone');
  });

  it('ranks the crew serving the zone first, with its reasons', async () => {
    const answer = await call(
      'GET',
      '/directory/suggestions?trade=roads&zoneId=NY-A&standardHours=4',
      'supervisor',
    );
    expect(answer.status).toBe(200);
    type Ranked = { rank: number; id: string; kind: string; score: number; fits: boolean; reasons: string[] };
    const ranked = answer.body['ranked'] as Ranked[];
    expect(ranked.map((r) => [r.rank, r.id, r.kind])).toEqual([
      [1, 'roads-1', 'crew'],
      [2, 'hengtai', 'contractor'],
      [3, 'roads-2', 'crew'],
    ]);
    expect(ranked[0].reasons).toEqual(
      expect.arrayContaining([
        'serves NY-A',
        expect.stringMatching(
          /^16 h spare of 16 h (today|on its next working day \d{4}-\d\d-\d\d) \(0 h in open orders\)$/,
        ),
        'closed no orders in the last 90 days: counted as 75 %',
        expect.stringMatching(/^score [\d.]+ = zone 40 \+ capacity [\d.]+ \+ on time 18\.8$/),
      ]),
    );
    expect(ranked[1].reasons[0]).toBe('does not serve NY-A, but serves NY-B on the same site NY');
    expect(ranked[2].reasons[0]).toBe('does not serve NY-A (serves XH-A)');
    expect(answer.body).toMatchObject({
      order: { trade: 'roads', zoneId: 'NY-A', standardHours: 4 },
      // The orders supply each assignee's load and on-time record (WorkloadModule).
      provisional: false,
      excluded: [],
    });

    const plumbing = await call(
      'GET',
      '/directory/suggestions?trade=plumbing&zoneId=NY-B&standardHours=2&due=2030-01-10T09:00:00%2B08:00',
      'supervisor',
    );
    expect(plumbing.status).toBe(200);
    expect((plumbing.body['ranked'] as Ranked[]).map((r) => r.id)).toEqual(['hengtai']);
    expect(plumbing.body['excluded']).toEqual([
      {
        kind: 'crew',
        id: 'roads-1',
        name: '道路一班',
        reasons: ['does not do plumbing (给排水); its trades: roads (道路)'],
      },
      {
        kind: 'crew',
        id: 'roads-2',
        name: '道路二班',
        reasons: ['does not do plumbing (给排水); its trades: roads (道路), cleaning (保洁)'],
      },
    ]);

    expect(
      (await call('GET', '/directory/suggestions?trade=roads&zoneId=NY-A&standardHours=4', 'zhang')).status,
    ).toBe(403);
    const bad = await call(
      'GET',
      '/directory/suggestions?trade=gardening&zoneId=A&standardHours=0&due=soon',
      'admin',
    );
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['due', 'standardHours', 'trade', 'zoneId']);
  });

  it('leaves an inactive crew out of suggestions', async () => {
    const crew = await call('GET', '/directory/crews/roads-2', 'supervisor');
    const {
      id: _id,
      members: _m,
      version,
      createdAt: _c,
      createdBy: _cb,
      updatedAt: _u,
      updatedBy: _ub,
      ...fields
    } = crew.body;
    const off = await call(
      'PUT',
      '/directory/crews/roads-2',
      'supervisor',
      { ...fields, active: false },
      {
        'if-match': `"${String(version)}"`,
      },
    );
    expect(off.status).toBe(200);
    const answer = await call(
      'GET',
      '/directory/suggestions?trade=roads&zoneId=NY-A&standardHours=4',
      'admin',
    );
    expect((answer.body['ranked'] as { id: string }[]).map((r) => r.id)).toEqual(['roads-1', 'hengtai']);
    // A person may stay in a crew deactivated since, but no one is newly put in it.
    const moved = await call('POST', '/directory/people', 'admin', {
      ...zhang,
      id: 'u-sun',
      crew: 'roads-2',
    });
    expect(moved.status).toBe(422);
    expect(moved.body['errors']).toEqual([
      expect.objectContaining({ field: 'crew', reason: 'is an inactive crew' }),
    ]);
  });

  it('tells the other modules whom to notify in a department, with contacts unmasked', async () => {
    const directory = service.app.get(Directory);
    const recipients = await directory.toNotify('general-affairs', ['supervisor', 'department-head']);
    expect(recipients.map((r) => r.id).sort()).toEqual(['u-chen', 'u-head']);
    expect(recipients.find((r) => r.id === 'u-chen')).toMatchObject({
      phone: '010-66778899',
      email: 'chen@bureau.gov.cn',
    });
    expect(await directory.assignee('hengtai')).toMatchObject({
      kind: 'contractor',
      entry: { name: hengtai.name },
    });
    expect(await directory.assignee('roads-1')).toMatchObject({ kind: 'crew' });
    expect(await directory.assignee('nobody')).toBeUndefined();
    expect((await directory.members('crew', 'roads-1')).map((p) => p.id)).toEqual(['u-zhang']);
  });

  it('records every change on the audit trail, contacts masked', async () => {
    const audit = await call('GET', '/admin/audit?resourceType=person&resourceId=u-zhang', 'admin');
    expect(audit.status).toBe(200);
    const [record] = audit.body['items'] as {
      action: string;
      actor: { id: string };
      after: Record<string, unknown>;
    }[];
    expect(record).toMatchObject({
      action: 'directory.person.create',
      actor: { id: 'u-admin' },
      after: { name: '张伟', phone: '138****5678', email: 'z***@bureau.gov.cn' },
    });
    const crew = await call('GET', '/admin/audit?resourceType=crew&resourceId=roads-1', 'admin');
    expect(
      (crew.body['items'] as { action: string; actor: { id: string } }[]).map(
        (r) => `${r.action} by ${r.actor.id}`,
      ),
    ).toEqual([
      'directory.crew.revise by u-chen',
      'directory.crew.revise by u-chen',
      'directory.crew.create by u-chen',
    ]);
  });
});

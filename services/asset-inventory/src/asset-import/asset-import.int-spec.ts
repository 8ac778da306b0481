import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AssetStateV1, TOPICS, decodeEvent, type EnvelopeOf } from '@buqi/contracts';
import { readTopic } from '@buqi/testing';
import { seedCampus } from '../test-fixtures/campus';
import { startServiceApp, type ServiceUnderTest } from '../test-fixtures/service-app';
import { XLSX_TYPE } from './reading/import-upload';

// Import and export of assets through the whole service, in process, on the real engines.
let service: ServiceUnderTest;
let manager: string;
let reader: string;

const HEADER =
  '编码,资产类别,名称,站点,区域,楼栋,X坐标（米）,Y坐标（米）,重要度,安装日期,设计寿命（年）,重置成本（元）,责任部门,' +
  '长度（米）,宽度（米）,路面类型,道路等级,楼层,蹲便器,小便器,无障碍,日均人流量,公厕类别,' +
  '设备类型,监测对象,上报间隔（秒）,供电方式,通信方式';
const CORE = '120,80,4,2009-06-01,15,504000.00,general-affairs';
const road = (code: string, name: string, length = '120') =>
  `${code},道路,${name},NY,A,,${CORE},${length},7,沥青,主干路,,,,,,,,,,,`;
const restroom = (code: string, name: string) =>
  `${code},公厕,${name},NY,A,B01,${CORE},,,,,3,4,3,是,300,一类,,,,,`;
const device = (code: string, name: string, watches: string) =>
  `${code},监测设备,${name},NY,,B01,${CORE},,,,,,,,,,,氨气传感器,${watches},300,电池,无线`;
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

interface Report {
  dryRun: boolean;
  encoding?: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  results: { sheet?: string; line: number; code: string; action: string; apiKey?: string }[];
  errors: { sheet?: string; line: number; column?: string; field?: string; reason: string }[];
}

async function upload(
  body: string | Uint8Array,
  contentType: string,
  query = '',
  token = manager,
): Promise<{ status: number; body: Record<string, unknown> & Partial<Report> }> {
  const res = await fetch(`${service.url}/assets/import${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & Partial<Report> };
}

const version = async (code: string) =>
  (await service.call('GET', `/assets/${code}`, { token: reader })).body['version'];

beforeAll(async () => {
  service = await startServiceApp('asset-import');
  manager = await service.issuer.token({ sub: 'u-wang', roles: ['asset-manager'] });
  reader = await service.issuer.token({ sub: 'u-li', roles: ['crew-member'] });
  await seedCampus(service, manager);
});

afterAll(() => service?.close());

describe('asset import', () => {
  const first = csv(
    road('NY-RD-001', '南院主干道（东段）'),
    road('NY-RD-002', '南院支路'),
    device('NY-DV-001', '三层男卫氨气传感器', 'NY-RR-001'),
    restroom('NY-RR-001', '人大办公楼三层男卫'),
  );

  it('imports a CSV file once: the same file again creates nothing, writes nothing, publishes nothing', async () => {
    const once = await upload(first, 'text/csv');
    expect(once.status).toBe(200);
    expect(once.body).toMatchObject({ dryRun: false, encoding: 'utf-8', rows: 4, created: 4, invalid: 0 });
    // The device watches the restroom on the line after it: devices go last. Its key is shown once.
    const created = once.body.results ?? [];
    expect(created.map((r) => [r.line, r.code, r.action])).toEqual([
      [2, 'NY-RD-001', 'create'],
      [3, 'NY-RD-002', 'create'],
      [4, 'NY-DV-001', 'create'],
      [5, 'NY-RR-001', 'create'],
    ]);
    expect(created[2].apiKey).toMatch(/^bqd_/);
    expect(created.filter((r) => r.apiKey)).toHaveLength(1);
    const read = await service.call('GET', '/assets/NY-RR-001', { token: reader });
    expect(read.body).toMatchObject({
      name: '人大办公楼三层男卫',
      building: 'B01',
      replacementCostFen: 50_400_000,
      restroom: {
        floor: 3,
        fixtures: [
          { kind: 'squat-toilet', count: 4 },
          { kind: 'urinal', count: 3 },
        ],
        accessible: true,
        restroomClass: 'class-1',
      },
      version: 1,
    });
    await readTopic(service.kafka, service.prefix + TOPICS.assetState, { atLeast: 4 });

    const again = await upload(first, 'text/csv');
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 4, invalid: 0 });
    expect(await version('NY-RD-001')).toBe(1);
    expect(await version('NY-DV-001')).toBe(1);

    // A changed row is revised through the API's use case: a new version and one event. The topic
    // then holds exactly the four first events and this one: the repeat published nothing.
    const changed = await upload(csv(road('NY-RD-002', '南院支路', '95')), 'text/csv');
    expect(changed.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(await service.call('GET', '/assets/NY-RD-002', { token: reader })).toMatchObject({
      body: { version: 2, road: { lengthM: 95, areaM2: 665 } },
    });
    const messages = await readTopic(service.kafka, service.prefix + TOPICS.assetState, { atLeast: 5 });
    expect(messages).toHaveLength(5);
    const states = messages.map(
      (m) => (decodeEvent(AssetStateV1, m.value) as EnvelopeOf<typeof AssetStateV1>).data,
    );
    expect(states.filter((s) => s.assetId === 'NY-RD-002').map((s) => s.version)).toEqual([1, 2]);
  });

  it('reads GBK (Excel on Chinese Windows) and UTF-8 with a BOM, keeping the Chinese intact', async () => {
    const gbk = iconv.encode(csv(road('NY-RD-101', '机关南院东门内环路（北段）')), 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const fromGbk = await upload(gbk, 'text/csv');
    expect(fromGbk.body).toMatchObject({ encoding: 'gbk', created: 1, invalid: 0 });
    expect((await service.call('GET', '/assets/NY-RD-101', { token: reader })).body['name']).toBe(
      '机关南院东门内环路（北段）',
    );

    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(csv(road('NY-RD-102', '西侧消防通道'))),
    ]);
    const fromBom = await upload(bom, 'text/csv');
    expect(fromBom.body).toMatchObject({ encoding: 'utf-8-bom', created: 1, invalid: 0 });
    expect((await service.call('GET', '/assets/NY-RD-102', { token: reader })).body['name']).toBe(
      '西侧消防通道',
    );

    // A charset said with the upload is used as said.
    const said = await upload(
      iconv.encode(csv(road('NY-RD-103', '北院环路')), 'gbk'),
      'text/csv; charset=GBK',
    );
    expect(said.body).toMatchObject({ encoding: 'gbk', created: 1 });
  });

  it('imports an .xlsx workbook of one sheet per class, with English headers and date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const roads = workbook.addWorksheet('道路');
    roads.addRow([
      'code',
      'name',
      'zone',
      'x',
      'y',
      'criticality',
      'installedOn',
      'expectedLifeYears',
      'replacementCostYuan',
      'department',
      'lengthM',
      'widthM',
      'pavement',
      'roadClass',
    ]);
    roads.addRow([
      'NY-RD-201',
      '北院主干道',
      'A',
      50,
      40,
      3,
      new Date(Date.UTC(2015, 3, 1)),
      15,
      120000,
      'general-affairs',
      200,
      9,
      'asphalt',
      'arterial',
    ]);
    roads.addRow([
      'NY-RD-202',
      '北院支路',
      'A',
      60,
      40,
      2,
      new Date(Date.UTC(2016, 3, 1)),
      15,
      80000.5,
      'general-affairs',
      80,
      5,
      'cement-concrete',
      'branch',
    ]);
    const restrooms = workbook.addWorksheet('restrooms');
    restrooms.addRow([
      'code',
      'name',
      'building',
      'x',
      'y',
      'criticality',
      'installedOn',
      'expectedLifeYears',
      'replacementCostYuan',
      'department',
      'floor',
      'seatToilets',
      'washbasins',
      'accessible',
      'dailyFootfall',
      'restroomClass',
    ]);
    restrooms.addRow([
      'NY-RR-201',
      '人大办公楼一层女卫',
      'B01',
      100,
      60,
      4,
      '2012-09-01',
      20,
      300000,
      'general-affairs',
      1,
      6,
      4,
      'no',
      450,
      'class-2',
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const imported = await upload(bytes, XLSX_TYPE);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ rows: 3, created: 3, invalid: 0 });
    expect(imported.body.results?.map((r) => [r.sheet, r.line, r.code])).toEqual([
      ['道路', 2, 'NY-RD-201'],
      ['道路', 3, 'NY-RD-202'],
      ['restrooms', 2, 'NY-RR-201'],
    ]);
    expect((await service.call('GET', '/assets/NY-RD-202', { token: reader })).body).toMatchObject({
      installedOn: '2016-04-01',
      replacementCostFen: 8_000_050,
      road: { pavement: 'cement-concrete', roadClass: 'branch', areaM2: 400 },
    });
    expect((await upload(bytes, XLSX_TYPE)).body).toMatchObject({ created: 0, unchanged: 3 });
  });

  it('dry-runs a file with bad rows: each with its line, column and reason, nothing written', async () => {
    const file = csv(
      road('NY-RD-301', '新建道路'), // fine: would be created
      road('NY-RD-001', '南院主干道（东段）'), // as stored: unchanged
      road('NY-RD-002', '南院支路（改）', '95'), // renamed: would be updated
      road('NY-RD-302', '长度不是数字', '一百'), // a cell that is not a number
      road('ZZ-RD-001', '别的院区', '50').replace(',NY,', ',ZZ,'), // a site that does not exist (the API's 422)
      restroom('NY-RR-301', '没有楼栋的卫生间').replace(',B01,', ',,'), // a restroom needs its building
      road('NY-RD-303', '重要度过高').replace(',4,2009', ',9,2009'), // the API's schema: criticality ≤ 5
      road('NY-RD-301', '重复的编码'), // the same code twice
      device('NY-DV-302', '新卫生间的传感器', 'NY-RR-302'), // watches a restroom the file creates
      restroom('NY-RR-302', '新卫生间'),
    );
    const dry = await upload(file, 'text/csv', '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 3, updated: 1, unchanged: 1, invalid: 5 });
    expect(dry.body.results?.map((r) => [r.line, r.action])).toEqual([
      [2, 'create'],
      [3, 'unchanged'],
      [4, 'update'],
      [10, 'create'],
      [11, 'create'],
    ]);
    expect(dry.body.errors).toEqual([
      expect.objectContaining({ line: 5, column: '长度（米）', reason: 'is not a number' }),
      expect.objectContaining({
        line: 6,
        column: '编码',
        field: 'code',
        reason: expect.stringContaining('ZZ'),
      }),
      expect.objectContaining({
        line: 7,
        column: '楼栋',
        field: 'building',
        reason: 'a restroom is in a building',
      }),
      expect.objectContaining({ line: 8, column: '重要度', field: 'criticality' }),
      expect.objectContaining({ line: 9, column: '编码', reason: 'is also on line 2' }),
    ]);
    for (const code of ['NY-RD-301', 'NY-RD-302', 'NY-RR-301', 'NY-RD-303', 'NY-DV-302', 'NY-RR-302'])
      expect((await service.call('GET', `/assets/${code}`, { token: reader })).status).toBe(404);
    expect((await service.call('GET', '/assets/NY-RD-002', { token: reader })).body).toMatchObject({
      name: '南院支路',
      version: 2,
    });

    // Imported for real, the good rows go in and the bad ones are reported the same way.
    const real = await upload(file, 'text/csv');
    expect(real.body).toMatchObject({ dryRun: false, created: 3, updated: 1, unchanged: 1, invalid: 5 });
    expect(real.body.errors).toEqual(dry.body.errors);
    // One audit line for the import, beside the use cases' line per asset.
    const admin = await service.issuer.token({ sub: 'u-zhao', roles: ['admin'] });
    const audit = await service.call('GET', '/admin/audit?resourceType=asset-import', { token: admin });
    expect(audit.body['items']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'asset.import',
          actor: expect.objectContaining({ id: 'u-wang' }),
          after: { format: 'csv', rows: 10, created: 3, updated: 1, unchanged: 1, invalid: 5 },
        }),
      ]),
    );
  });

  it('exports CSV with a BOM that imports back unchanged, in Chinese or English, filtered', async () => {
    const res = await fetch(`${service.url}/assets/export.csv`, {
      headers: { authorization: `Bearer ${reader}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('编码,资产类别,名称,站点');
    expect(text).toContain('南院主干道（东段）');
    const total = (await service.call('GET', '/assets?pageSize=1', { token: reader })).body['total'];
    expect(text.trim().split('\r\n')).toHaveLength(Number(total) + 1);

    const back = await upload(bytes, 'text/csv');
    expect(back.body).toMatchObject({ created: 0, updated: 0, unchanged: total, invalid: 0 });

    const english = await fetch(`${service.url}/assets/export.csv?assetClass=restroom&lang=en`, {
      headers: { authorization: `Bearer ${reader}` },
    });
    const restrooms = (await english.text()).replace(/^\uFEFF/, '');
    expect(restrooms.split('\r\n')[0]).toMatch(/^code,assetClass,name,siteId,.*,floor,squatToilets,/);
    expect(restrooms).not.toContain('lengthM');
    expect(restrooms.trim().split('\r\n')).toHaveLength(4);
    expect((await upload(restrooms, 'text/csv')).body).toMatchObject({ unchanged: 3, invalid: 0 });
    expect((await service.call('GET', '/assets/export.csv?status=broken', { token: reader })).status).toBe(
      400,
    );
  });

  it('refuses a file it cannot read, whole, with a 4xx that says why', async () => {
    const latin1 = Buffer.from(csv(road('NY-RD-401', 'x')).replace('x', '\u00ff\u0080'), 'latin1');
    const wrongText = await upload(latin1, 'text/csv');
    expect(wrongText).toMatchObject({ status: 415, body: { code: 'unsupported-charset' } });
    expect(wrongText.body['detail']).toContain('neither UTF-8 nor GBK');

    const missing = await upload('编码,名称,长度（米）\r\nNY-RD-402,无列,10\r\n', 'text/csv');
    expect(missing).toMatchObject({ status: 422, body: { code: 'missing-columns' } });
    expect(missing.body['detail']).toContain('X坐标（米） (x)');
    expect(missing.body['detail']).toContain('宽度（米） (widthM)');

    expect((await upload('{}', 'application/json')).status).toBe(415);
    expect((await upload(first, 'text/csv', '', reader)).status).toBe(403);

    // 100,000 rows: over the size limit as a full file, over the row limit as a small one.
    const big = csv(...Array.from({ length: 100_000 }, (_, i) => road(`NY-RD-${100000 + i}`, `道路${i}`)));
    const large = await upload(big, 'text/csv');
    expect(large).toMatchObject({ status: 413, body: { code: 'file-too-large' } });
    expect(large.body['detail']).toContain('8388608 bytes');
    // Sent without a length (chunked), it is refused once it passes the limit.
    const chunks = Buffer.from(big).subarray(0, 9 * 1024 * 1024);
    const streamed = await fetch(`${service.url}/assets/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manager}`, 'content-type': 'text/csv' },
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < chunks.length; at += 64 * 1024)
            controller.enqueue(chunks.subarray(at, at + 64 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const many = await upload(
      ['编码', ...Array.from({ length: 100_000 }, (_, i) => `NY-RD-${100000 + i}`)].join('\n'),
      'text/csv',
    );
    expect(many).toMatchObject({ status: 422, body: { code: 'too-many-rows' } });
    expect(many.body['detail']).toContain('more than 2000 rows');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('道路');
    sheet.addRow(['编码']);
    for (let i = 0; i < 100_000; i++) sheet.addRow([`NY-RD-${100000 + i}`]);
    const manyInXlsx = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), XLSX_TYPE);
    // 100,000 rows unpack to about 12 MB: refused before the workbook is read.
    expect(manyInXlsx).toMatchObject({ status: 413, body: { code: 'file-too-large' } });
    expect(manyInXlsx.body['detail']).toContain('at most 2000 rows');
    expect((await service.call('GET', '/assets/NY-RD-100000', { token: reader })).status).toBe(404);
  });
});

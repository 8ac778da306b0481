import type { Asset } from '../../assets/domain/asset';
import { assetFromRequest } from '../../assets/use-cases/asset-draft';
import type { AssetRequest } from '../../assets/use-cases/asset-requests';
import { columnOfField } from './field-columns';
import type { RowDraft } from './import-file';
import { readSheet } from './row-reading';
import { exportColumns, headerOf, rowOf } from './row-writing';
import { sameAsset } from './same-asset';

const core = {
  siteId: 'NY',
  location: { x: 120.25, y: 80 },
  criticality: 4,
  installedOn: '2009-06-01',
  expectedLifeYears: 15,
  replacementCostFen: 50_400_029,
  status: 'under-maintenance',
  department: 'general-affairs',
} as const;
const assets: Asset[] = [
  {
    ...core,
    code: 'NY-RD-012',
    name: '南院主干道（东段）',
    zone: 'A',
    assetClass: 'road-segment',
    road: {
      lengthM: 120.3,
      widthM: 7.1,
      areaM2: 120.3 * 7.1,
      pavement: 'asphalt',
      roadClass: 'arterial',
      conditionMethod: 'jtg5210',
      dustStandardGPerM2: 5,
    },
  },
  {
    ...core,
    code: 'NY-RR-003',
    name: '=人大办公楼, "三层" 男卫',
    building: 'B01',
    assetClass: 'restroom',
    restroom: {
      floor: -1,
      fixtures: [
        { kind: 'urinal', count: 3 },
        { kind: 'squat-toilet', count: 0 },
      ],
      accessible: true,
      dailyFootfall: 300,
      restroomClass: 'class-1',
    },
  },
  {
    ...core,
    code: 'NY-DV-001',
    name: '三层男卫氨气传感器',
    assetClass: 'monitoring-device',
    device: {
      kind: 'nh3-sensor',
      watches: { placeId: 'NY-B01' },
      reportingIntervalSeconds: 300,
      power: 'mains',
      link: 'wired',
      firmware: '1.2.0',
    },
  },
];

const requestOf = (draft: RowDraft): AssetRequest => {
  const { code: _code, ...fields } = draft.body;
  return { assetClass: draft.assetClass, ...fields } as AssetRequest;
};

describe('reading and writing rows', () => {
  it.each(['zh', 'en'] as const)(
    'reads back what it writes (%s): the same assets, nothing changed',
    (language) => {
      const columns = exportColumns();
      const sheet = {
        header: headerOf(columns, language),
        rows: assets.map((a, i) => ({ line: i + 2, cells: rowOf(a, columns, language) })),
      };
      const { drafts, problems } = readSheet(sheet);
      expect(problems).toEqual([]);
      drafts.forEach((draft, i) => {
        expect(draft).toMatchObject({ line: i + 2, code: assets[i].code, assetClass: assets[i].assetClass });
        expect(sameAsset(assetFromRequest(draft.code, requestOf(draft)), assets[i])).toBe(true);
      });
      // …and notices a change.
      const renamed = { ...assets[0], name: '南院主干道' } as Asset;
      expect(sameAsset(assetFromRequest(drafts[0].code, requestOf(drafts[0])), renamed)).toBe(false);
    },
  );

  it('takes the class from the class cell, the sheet name or the code, and says when it cannot', () => {
    const columns = exportColumns();
    const header = headerOf(columns, 'zh');
    const classCell = columns.findIndex((c) => c.key === 'assetClass');
    const row = (asset: Asset, line: number, assetClass = '', code = asset.code) => {
      const cells = rowOf({ ...asset, code } as Asset, columns, 'zh');
      cells[classCell] = assetClass;
      return { line, cells };
    };
    const byCode = readSheet({ header, rows: [row(assets[0], 2), row(assets[0], 3, '', 'NY-XX-001')] });
    expect(byCode.drafts.map((d) => [d.line, d.assetClass])).toEqual([[2, 'road-segment']]);
    expect(byCode.problems).toEqual([
      expect.objectContaining({
        line: 3,
        column: '资产类别',
        reason: expect.stringContaining('cannot tell the class'),
      }),
    ]);
    const bySheet = readSheet({
      name: '公厕',
      header,
      rows: [row(assets[1], 2, '', 'NY-XX-002'), row(assets[0], 3, '道路')],
    });
    expect(bySheet.drafts.map((d) => [d.line, d.assetClass])).toEqual([[2, 'restroom']]);
    expect(bySheet.problems).toEqual([
      expect.objectContaining({ line: 3, value: '道路', reason: 'the sheet holds restroom rows' }),
    ]);
  });

  it('names every missing column of the classes a sheet holds', () => {
    const sheet = {
      name: 'roads',
      header: ['code', 'name', 'x'],
      rows: [{ line: 2, cells: ['NY-RD-001', '甲', '1'] }],
    };
    try {
      readSheet(sheet);
      throw new Error('read');
    } catch (err) {
      expect(err).toMatchObject({ code: 'missing-columns' });
      expect((err as Error).message).toMatch(
        /^Sheet roads lacks the columns: Y坐标（米） \(y\), .*长度（米） \(lengthM\)/,
      );
      expect((err as Error).message).not.toContain('floor');
    }
    expect(() => readSheet({ header: ['code', 'CODE'], rows: [] })).toThrow(
      /names a column twice: code and CODE/,
    );
  });

  it('reports each bad cell of a row with its column as the file names it', () => {
    const columns = exportColumns('road-segment');
    const header = headerOf(columns, 'zh');
    const cells = rowOf(assets[0], columns, 'zh');
    const at = (key: string) => columns.findIndex((c) => c.key === key);
    cells[at('lengthM')] = '很长';
    cells[at('siteId')] = 'BY';
    cells[at('name')] = '';
    const { drafts, problems } = readSheet({ header, rows: [{ line: 7, cells }] });
    expect(drafts).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 7, column: '名称', reason: 'is required' }),
      expect.objectContaining({ line: 7, column: '长度（米）', value: '很长', reason: 'is not a number' }),
      expect.objectContaining({
        line: 7,
        column: '站点',
        value: 'BY',
        reason: 'is not the site of code NY-RD-012',
      }),
    ]);
  });

  it('refuses a cell of another class rather than dropping it', () => {
    const columns = exportColumns();
    const cells = rowOf(assets[0], columns, 'en');
    cells[columns.findIndex((c) => c.key === 'floor')] = '3';
    const { problems } = readSheet({ header: headerOf(columns, 'en'), rows: [{ line: 2, cells }] });
    expect(problems).toEqual([
      expect.objectContaining({ column: 'floor', reason: 'applies to restroom rows only' }),
    ]);
  });

  it('maps a field the API refuses back to its column', () => {
    const columns = exportColumns('restroom');
    const sheet = {
      header: headerOf(columns, 'zh'),
      rows: [{ line: 2, cells: rowOf(assets[1], columns, 'zh') }],
    };
    const { drafts, map } = readSheet(sheet);
    const body = drafts[0].body;
    expect(columnOfField('restroom.fixtures[1].count', body, map)).toBe('小便器');
    expect(columnOfField('restroom.fixtures', body, map)).toBe('蹲便器');
    expect(columnOfField('location', body, map)).toBe('X坐标（米）');
    expect(columnOfField('replacementCostFen', body, map)).toBe('重置成本（元）');
    expect(columnOfField('device.watches.assetId', body, map)).toBeUndefined();
  });
});

import { ConflictError, DomainValidationError } from '@buqi/domain-kernel';
import { addBuilding, addZone, registerSite, reviseSite, zoneId, type Site } from './site';

const southCourt = (): Site =>
  registerSite({
    id: 'NY',
    name: ' 机关南院 ',
    kind: 'government-compound',
    plan: { widthM: 400, heightM: 300 },
  });

const square = (x: number, y: number, size: number) => [
  { x, y },
  { x: x + size, y },
  { x: x + size, y: y + size },
  { x, y: y + size },
];

describe('site', () => {
  it('is registered with no zones and a trimmed name', () => {
    expect(southCourt()).toEqual({
      id: 'NY',
      name: '机关南院',
      kind: 'government-compound',
      plan: { widthM: 400, heightM: 300 },
      zones: [],
      buildings: [],
    });
  });

  it('refuses a plan of no size, naming the field', () => {
    expect(() =>
      registerSite({ id: 'X', name: 'x', kind: 'office-area', plan: { widthM: 0, heightM: 10 } }),
    ).toThrow(expect.objectContaining({ field: 'plan.widthM', reason: 'must be at least 1' }));
  });

  it('takes zones inside its plan, with ids unique across sites', () => {
    const site = addZone(southCourt(), { code: 'A', name: '主楼区', outline: square(10, 10, 100) });
    expect(site.zones).toEqual([{ code: 'A', name: '主楼区', outline: square(10, 10, 100) }]);
    expect(zoneId(site.id, 'A')).toBe('NY-A');
  });

  it('refuses a zone corner outside the plan, naming the corner', () => {
    const outline = [
      { x: 10, y: 10 },
      { x: 450, y: 10 },
      { x: 10, y: 100 },
    ];
    expect(() => addZone(southCourt(), { code: 'A', name: '主楼区', outline })).toThrow(
      DomainValidationError,
    );
    expect(() => addZone(southCourt(), { code: 'A', name: '主楼区', outline })).toThrow(
      expect.objectContaining({
        field: 'outline[1]',
        reason: expect.stringMatching(/outside the site plan \(0–400 m/),
      }),
    );
  });

  it('refuses an outline that crosses itself or encloses nothing', () => {
    const bowtie = [
      { x: 0, y: 0 },
      { x: 100, y: 100 },
      { x: 100, y: 0 },
      { x: 0, y: 100 },
    ];
    expect(() => addZone(southCourt(), { code: 'A', name: 'a', outline: bowtie })).toThrow(/crosses itself/);
    const line = [
      { x: 0, y: 0 },
      { x: 50, y: 50 },
      { x: 100, y: 100 },
    ];
    expect(() => addZone(southCourt(), { code: 'A', name: 'a', outline: line })).toThrow(/encloses no area/);
    expect(() => addZone(southCourt(), { code: 'A', name: 'a', outline: line.slice(0, 2) })).toThrow(
      /three corners/,
    );
  });

  it('refuses a second zone with the same code as a conflict', () => {
    const site = addZone(southCourt(), { code: 'A', name: 'a', outline: square(0, 0, 50) });
    expect(() => addZone(site, { code: 'A', name: 'b', outline: square(100, 100, 50) })).toThrow(
      ConflictError,
    );
    expect(() => addZone(site, { code: 'A', name: 'b', outline: square(100, 100, 50) })).toThrow(
      expect.objectContaining({ code: 'duplicate-zone' }),
    );
  });

  it('is revised, but never to a plan that leaves a zone outside', () => {
    const site = addZone(southCourt(), { code: 'B', name: '后勤区', outline: square(300, 200, 80) });
    expect(reviseSite(site, { name: '机关南院（东）', address: '  人民路1号 ' })).toMatchObject({
      name: '机关南院（东）',
      address: '人民路1号',
    });
    expect(reviseSite({ ...site, address: 'x' }, { address: '' })).not.toHaveProperty('address');
    expect(() => reviseSite(site, { plan: { widthM: 350, heightM: 300 } })).toThrow(
      expect.objectContaining({ field: 'plan', reason: expect.stringMatching(/leave zone B outside/) }),
    );
    expect(reviseSite(site, { plan: { widthM: 380, heightM: 280 } }).plan).toEqual({
      widthM: 380,
      heightM: 280,
    });
  });

  it('takes buildings in its zones and on its plan, each code once', () => {
    const site = addZone(southCourt(), { code: 'A', name: '主楼区', outline: square(0, 0, 200) });
    const office = {
      code: 'B01',
      name: '人大办公楼',
      kind: 'office' as const,
      zone: 'A',
      location: { x: 50, y: 60 },
      floors: 6,
      importance: 5,
    };
    const withOffice = addBuilding(site, office);
    expect(withOffice.buildings).toEqual([office]);
    expect(() => addBuilding(withOffice, office)).toThrow(
      expect.objectContaining({ code: 'duplicate-building' }),
    );
    expect(() => addBuilding(site, { ...office, zone: 'Z' })).toThrow(
      expect.objectContaining({ field: 'zone' }),
    );
    expect(() => addBuilding(site, { ...office, location: { x: 500, y: 10 } })).toThrow(
      expect.objectContaining({ field: 'location' }),
    );
    expect(() => reviseSite(withOffice, { plan: { widthM: 40, heightM: 300 } })).toThrow(
      expect.objectContaining({ field: 'plan' }),
    );
  });
});

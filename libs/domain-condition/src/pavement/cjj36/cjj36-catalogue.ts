import type { DistressSpec, PavementType, SourceNote } from '../pavement-types';
import { CJJ36_CATALOGUE_REF, CJJ36_MEASUREMENT_REF } from './cjj36-sources';

/** A class (单类) of CJJ 36: the weighting is applied within each class, then across them. */
export interface Cjj36Class {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** CJJ 36 grades n = 4 classes on each pavement. */
export const CJJ36_CLASSES: Readonly<Record<PavementType, readonly Cjj36Class[]>> = {
  asphalt: [
    { code: 'cracking', zh: '裂缝类', en: 'cracking' },
    { code: 'deformation', zh: '变形类', en: 'deformation' },
    { code: 'loosening', zh: '松散类', en: 'loss of material' },
    { code: 'other', zh: '其他类', en: 'other' },
  ],
  'cement-concrete': [
    { code: 'cracking', zh: '裂缝类', en: 'cracking' },
    { code: 'joint-damage', zh: '接缝破坏类', en: 'joint damage' },
    { code: 'surface-damage', zh: '表面破坏类', en: 'surface damage' },
    { code: 'other', zh: '其他类', en: 'other' },
  ],
};

/** The classes and types themselves, as reproduced by several independent sources. */
export const CJJ36_CATALOGUE_SOURCE: SourceNote = { status: 'verified', ref: CJJ36_CATALOGUE_REF };

/** The type's unit (and width) follow a measurement rule read in the reproduction. */
function measured(rule: string): SourceNote {
  return { status: 'verified', ref: `${CJJ36_MEASUREMENT_REF}: "${rule}"` };
}

/** No measurement rule was found for the type: the unit is Buqi's choice. */
function assumed(why: string): SourceNote {
  return { status: 'unverified-default', ref: why };
}

type Entry = Omit<DistressSpec, 'severities'>;

// CJJ 36 grades by extent only: none of the reproductions has severity levels, so no type has one.
const ungraded = (entries: readonly Entry[]): readonly DistressSpec[] =>
  entries.map((e) => ({ ...e, severities: [] }));

const LINEAR_CRACK_RULE = '缝裂长度大于或等于1m，宽度大于或等于3mm。按缝裂长（m）×0.2（m）计量';

const ASPHALT: readonly DistressSpec[] = ungraded([
  {
    type: 'linear-crack',
    name: { zh: '线裂', en: 'linear cracking' },
    group: '裂缝类',
    unit: 'm',
    widthM: 0.2,
    source: measured(LINEAR_CRACK_RULE),
  },
  {
    type: 'block-cracking',
    name: { zh: '网裂', en: 'block (network) cracking' },
    group: '裂缝类',
    unit: 'm2',
    source: measured('按一边平行于道路中心线的外接矩形面积计量'),
  },
  {
    type: 'alligator-cracking',
    name: { zh: '龟裂', en: 'alligator cracking' },
    group: '裂缝类',
    unit: 'm2',
    source: measured('外围面积小于或等于1m²不计，井框面积不计。按其外边界长（m）×宽（m）计量'),
  },
  {
    type: 'shoving',
    name: { zh: '拥包', en: 'shoving (bumps)' },
    group: '变形类',
    unit: 'm2',
    source: assumed(
      `m²: the reproduced measurement rules (${CJJ36_MEASUREMENT_REF}) have no row for 拥包; recorded as length × width like the other deformation types (沉陷, 翻浆)`,
    ),
  },
  {
    type: 'rutting',
    name: { zh: '车辙', en: 'rutting' },
    group: '变形类',
    unit: 'm2',
    source: measured('以3m直尺横向测量。凹槽深大于15mm时，按车辙长度(m)×车道(轮迹)全宽(m)计量'),
  },
  {
    type: 'depression',
    name: { zh: '沉陷', en: 'depression' },
    group: '变形类',
    unit: 'm2',
    source: measured('在3m直尺范围内沉陷深度大于10mm。按长(m)×宽(m)计量'),
  },
  {
    type: 'frost-boiling',
    name: { zh: '翻浆', en: 'frost boiling (mud pumping through the surface)' },
    group: '变形类',
    unit: 'm2',
    source: measured('按面积计算。按长(m)×宽(m)计量'),
  },
  {
    type: 'raveling',
    name: { zh: '剥落', en: 'raveling and peeling' },
    group: '松散类',
    unit: 'm2',
    source: measured('面层材料散失深度不大于20mm。外围面积小于0.1m²不计。按散失范围长度(m)×宽度(m)计量'),
  },
  {
    type: 'pothole',
    name: { zh: '坑槽', en: 'pothole' },
    group: '松散类',
    unit: 'm2',
    source: measured('路面材料散失形成坑洞，凹坑深度大于或等于20mm。按长(m)×宽(m)计量'),
  },
  {
    type: 'edge-breaking',
    name: { zh: '啃边', en: 'edge breaking' },
    group: '松散类',
    unit: 'm2',
    source: measured('路面边缘材料剥落破损或形成坑洞，凸凹差大于5mm。按长(m)×宽(m)计量'),
  },
  {
    type: 'frame-height-difference',
    name: { zh: '路框差', en: 'manhole frame height difference' },
    group: '其他类',
    unit: 'm2',
    source: measured('路表与检查井框顶面的相对高差(高或低)；按实际面积计算。按长(m)×宽(m)计量'),
  },
  {
    type: 'pumping',
    name: { zh: '唧浆', en: 'pumping' },
    group: '其他类',
    unit: 'm2',
    source: assumed(
      `m²: the reproduction's row for 唧浆 (${CJJ36_MEASUREMENT_REF}) repeats the definition of 路框差, a copy error; recorded as length × width, the rule most rows give`,
    ),
  },
  {
    type: 'bleeding',
    name: { zh: '泛油', en: 'bleeding' },
    group: '其他类',
    unit: 'm2',
    source: measured('按面积计算。按长(m)×宽(m)计量'),
  },
]);

const CONCRETE: readonly DistressSpec[] = ungraded([
  {
    type: 'linear-crack',
    name: { zh: '线裂', en: 'linear cracking' },
    group: '裂缝类',
    unit: 'm',
    widthM: 0.2,
    source: measured(`${LINEAR_CRACK_RULE} (one 线裂 row for both pavements)`),
  },
  {
    type: 'corner-break',
    name: { zh: '板角断裂', en: 'corner break' },
    group: '裂缝类',
    unit: 'm2',
    source: measured('按板角到裂缝两端的距离乘积计量'),
  },
  {
    type: 'edge-corner-cracking',
    name: { zh: '边角裂缝', en: 'crescent cracking along joints and edges' },
    group: '裂缝类',
    unit: 'm2',
    source: measured('按裂缝平行于接缝或自由边的外接矩形面积计量'),
  },
  {
    type: 'shattered-slab',
    name: { zh: '交叉裂缝和破碎板', en: 'intersecting cracks and shattered slab' },
    group: '裂缝类',
    unit: 'm2',
    source: measured('裂缝将板分成三块或三块以上；按其外边界长(m)×宽(m)计量'),
  },
  {
    type: 'joint-seal-damage',
    name: { zh: '接缝料损坏', en: 'joint seal damage' },
    group: '接缝破坏类',
    unit: 'm',
    widthM: 1,
    source: measured('散失深度在表面下大于或等于5mm。按长度×1m计'),
  },
  {
    type: 'edge-corner-spalling',
    name: { zh: '边角剥落', en: 'joint and corner spalling' },
    group: '接缝破坏类',
    unit: 'm2',
    source: measured('临近接缝0.6m内，或板角0.15m内，混凝土开裂或成碎块；按其外边界长(m)×宽(m)计量'),
  },
  {
    type: 'surface-hole',
    name: { zh: '坑洞', en: 'surface holes' },
    group: '表面破坏类',
    unit: 'm2',
    source: measured('面板表面出现直径为25mm~100mm，深为12mm~50mm的坑洞；按外围面积计'),
  },
  {
    type: 'map-cracking',
    name: { zh: '表面纹裂', en: 'map cracking (crazing)' },
    group: '表面破坏类',
    unit: 'm2',
    source: measured('按一边平行于道路中心线的外接矩形面积计量'),
  },
  {
    type: 'scaling',
    name: { zh: '层状剥落', en: 'scaling' },
    group: '表面破坏类',
    unit: 'm2',
    source: measured('按一边平行于道路中心线的外接矩形面积计量'),
  },
  {
    type: 'faulting',
    name: { zh: '错台', en: 'faulting' },
    group: '其他类',
    unit: 'm',
    widthM: 1,
    source: measured('高差大于或等于15mm。按错台板块的边长(m)×1m计量'),
  },
  {
    type: 'blowup',
    name: { zh: '拱胀', en: 'blowup' },
    group: '其他类',
    unit: 'm2',
    source: assumed(
      `m²: no measurement rule for 拱胀 was found (${CJJ36_MEASUREMENT_REF} has none); recorded as length × width of the raised area`,
    ),
  },
  {
    type: 'pumping',
    name: { zh: '唧浆', en: 'pumping' },
    group: '其他类',
    unit: 'm2',
    source: assumed(
      `m²: the reproduction's row for 唧浆 (${CJJ36_MEASUREMENT_REF}) repeats the definition of 路框差, a copy error; recorded as length × width, the rule most rows give`,
    ),
  },
  {
    type: 'frame-height-difference',
    name: { zh: '路框差', en: 'manhole frame height difference' },
    group: '其他类',
    unit: 'm2',
    source: measured('路表与检查井框顶面的相对高差(高或低)；按实际面积计算。按长(m)×宽(m)计量'),
  },
  {
    type: 'depression',
    name: { zh: '沉陷', en: 'depression' },
    group: '其他类',
    unit: 'm2',
    source: assumed(
      `m²: the reproduced rule for 沉陷 (${CJJ36_MEASUREMENT_REF}) is filed under the asphalt class 变形类; applied to concrete as length × width`,
    ),
  },
]);

/** The distress types an inspector records under CJJ 36, by pavement. */
export const CJJ36_DISTRESSES: Readonly<Record<PavementType, readonly DistressSpec[]>> = {
  asphalt: ASPHALT,
  'cement-concrete': CONCRETE,
};

import type { DistressSpec, DistressUnit, PavementType, Severity, SourceNote } from '../pavement-types';

/**
 * JTG 5210-2018 公路技术状况评定标准 could not be read in the original. Its weight tables are taken
 * from a public reproduction, named here; the widths at which length items become areas were found
 * nowhere and are Buqi's defaults, each saying what it is based on.
 */
const WEIGHTS_REF =
  'JTG 5210-2018 表 6.2.1-2 沥青路面损坏类型和权重 and the cement-concrete table (水泥混凝土路面损坏类型和权重) as reproduced in a public Vue parameter page "参数管理" (public-code index id 165739334, tableData2 and tableData3; the concrete table sits in a commented-out block of its template); the standard\'s text was not read. 轻/中/重 are mapped to low/medium/high, a two-level 轻/重 to low/high';

export const JTG5210_WEIGHT_SOURCE: SourceNote = { status: 'verified', ref: WEIGHTS_REF };

/** A weight per severity, or one weight for a type the table does not grade. */
export type Jtg5210Weights = Readonly<Partial<Record<Severity | 'ungraded', number>>>;

interface Entry {
  readonly type: string;
  readonly zh: string;
  readonly en: string;
  readonly unit: DistressUnit;
  readonly weights: Jtg5210Weights;
  /** For a length: the width it is counted at, and why that width. */
  readonly width?: { readonly m: number; readonly basis: string };
}

const CRACK_WIDTH = {
  m: 0.2,
  basis:
    'no conversion width was found in any source read; 0.2 m, the width CJJ 36 counts a 线裂 at (按缝裂长（m）×0.2（m）计量, as reproduced in the public SQL dump "USE rmsystem;", public-code index id 13482763873)',
};
const RUT_WIDTH = {
  m: 0.4,
  basis:
    "no conversion width was found in any source read; 0.4 m, about the width of one wheel path, a round figure to be replaced by the standard's own",
};
const CONCRETE_LENGTH_WIDTH = {
  m: 1.0,
  basis:
    'no conversion width was found in any source read; 1.0 m, the width CJJ 36 counts 错台 and 接缝料损坏 at (× 1 m, as reproduced in the public SQL dump "USE rmsystem;", public-code index id 13482763873)',
};

const ASPHALT: readonly Entry[] = [
  {
    type: 'alligator-cracking',
    zh: '龟裂',
    en: 'alligator cracking',
    unit: 'm2',
    weights: { low: 0.6, medium: 0.8, high: 1.0 },
  },
  {
    type: 'block-cracking',
    zh: '块状裂缝',
    en: 'block cracking',
    unit: 'm2',
    weights: { low: 0.6, high: 0.8 },
  },
  {
    type: 'longitudinal-cracking',
    zh: '纵向裂缝',
    en: 'longitudinal cracking',
    unit: 'm',
    weights: { low: 0.6, high: 1.0 },
    width: CRACK_WIDTH,
  },
  {
    type: 'transverse-cracking',
    zh: '横向裂缝',
    en: 'transverse cracking',
    unit: 'm',
    weights: { low: 0.6, high: 1.0 },
    width: CRACK_WIDTH,
  },
  { type: 'depression', zh: '沉陷', en: 'depression', unit: 'm2', weights: { low: 0.6, high: 1.0 } },
  {
    type: 'rutting',
    zh: '车辙',
    en: 'rutting',
    unit: 'm',
    weights: { low: 0.6, high: 1.0 },
    width: RUT_WIDTH,
  },
  {
    type: 'corrugation-shoving',
    zh: '波浪拥包',
    en: 'corrugation and shoving',
    unit: 'm2',
    weights: { low: 0.6, high: 1.0 },
  },
  { type: 'pothole', zh: '坑槽', en: 'pothole', unit: 'm2', weights: { low: 0.8, high: 1.0 } },
  { type: 'raveling', zh: '松散', en: 'raveling', unit: 'm2', weights: { low: 0.6, high: 1.0 } },
  { type: 'bleeding', zh: '泛油', en: 'bleeding', unit: 'm2', weights: { ungraded: 0.2 } },
  { type: 'patching', zh: '修补', en: 'patching', unit: 'm2', weights: { ungraded: 0.1 } },
];

const CONCRETE: readonly Entry[] = [
  {
    type: 'shattered-slab',
    zh: '破碎板',
    en: 'shattered slab',
    unit: 'm2',
    weights: { low: 0.8, high: 1.0 },
  },
  {
    type: 'cracking',
    zh: '裂缝',
    en: 'cracking',
    unit: 'm',
    weights: { low: 0.6, medium: 0.8, high: 1.0 },
    width: CONCRETE_LENGTH_WIDTH,
  },
  {
    type: 'corner-break',
    zh: '板角断裂',
    en: 'corner break',
    unit: 'm2',
    weights: { low: 0.6, medium: 0.8, high: 1.0 },
  },
  {
    type: 'faulting',
    zh: '错台',
    en: 'faulting',
    unit: 'm',
    weights: { low: 0.6, high: 1.0 },
    width: CONCRETE_LENGTH_WIDTH,
  },
  {
    type: 'pumping',
    zh: '唧泥',
    en: 'pumping',
    unit: 'm',
    weights: { ungraded: 1.0 },
    width: CONCRETE_LENGTH_WIDTH,
  },
  {
    type: 'edge-spalling',
    zh: '边角剥落',
    en: 'edge and corner spalling',
    unit: 'm',
    weights: { low: 0.6, medium: 0.8, high: 1.0 },
    width: CONCRETE_LENGTH_WIDTH,
  },
  {
    type: 'joint-seal-damage',
    zh: '接缝料损坏',
    en: 'joint seal damage',
    unit: 'm',
    weights: { low: 0.4, high: 0.6 },
    width: CONCRETE_LENGTH_WIDTH,
  },
  { type: 'surface-hole', zh: '坑洞', en: 'surface holes', unit: 'm2', weights: { ungraded: 1.0 } },
  { type: 'blowup', zh: '拱起', en: 'blowup', unit: 'm2', weights: { ungraded: 1.0 } },
  { type: 'exposed-aggregate', zh: '露骨', en: 'exposed aggregate', unit: 'm2', weights: { ungraded: 0.3 } },
  { type: 'patching', zh: '修补', en: 'patching', unit: 'm2', weights: { ungraded: 0.1 } },
];

const SEVERITY_ORDER: readonly Severity[] = ['low', 'medium', 'high'];

function toSpec(e: Entry): DistressSpec {
  const source: SourceNote = e.width
    ? {
        status: 'unverified-default',
        ref: `type, severities and unit: ${WEIGHTS_REF}. Width ${e.width.m} m: ${e.width.basis}`,
      }
    : JTG5210_WEIGHT_SOURCE;
  return {
    type: e.type,
    name: { zh: e.zh, en: e.en },
    unit: e.unit,
    severities: SEVERITY_ORDER.filter((s) => e.weights[s] !== undefined),
    ...(e.width && { widthM: e.width.m }),
    source,
  };
}

const ENTRIES: Readonly<Record<PavementType, readonly Entry[]>> = {
  asphalt: ASPHALT,
  'cement-concrete': CONCRETE,
};

/** The distress types an inspector records under JTG 5210, by pavement. */
export const JTG5210_DISTRESSES: Readonly<Record<PavementType, readonly DistressSpec[]>> = {
  asphalt: ASPHALT.map(toSpec),
  'cement-concrete': CONCRETE.map(toSpec),
};

/** w_i of each type and severity (表 6.2.1-2 and the concrete table). */
export const JTG5210_WEIGHTS: Readonly<Record<PavementType, Readonly<Record<string, Jtg5210Weights>>>> = {
  asphalt: Object.fromEntries(ENTRIES.asphalt.map((e) => [e.type, e.weights])),
  'cement-concrete': Object.fromEntries(ENTRIES['cement-concrete'].map((e) => [e.type, e.weights])),
};

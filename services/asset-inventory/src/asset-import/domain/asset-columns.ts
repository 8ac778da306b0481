import {
  ASSET_CLASSES,
  ASSET_STATUSES,
  DEVICE_KINDS,
  FIXTURE_KINDS,
  PAVEMENT_METHODS,
  RESTROOM_CLASSES,
  ROAD_PAVEMENTS,
  URBAN_ROAD_CLASSES,
  type AssetClass,
} from '../../assets/domain/asset';

/** What a cell holds: how it is read from text and written back. */
export type CellType =
  | { readonly kind: 'text' | 'number' | 'integer' | 'date' | 'yuan' | 'boolean' }
  | { readonly kind: 'enum'; readonly labels: Readonly<Record<string, string>> };

/**
 * One column of the inventory spreadsheet. Import and export share this table: the English header
 * is the key, the Chinese one is `zh`; `names` are further headers accepted on import.
 */
export interface Column {
  readonly key: string;
  readonly zh: string;
  readonly names?: readonly string[];
  /** The class whose rows use it; every class when absent. */
  readonly appliesTo?: AssetClass;
  /** A row of its class must fill it (and so the sheet must have it). */
  readonly required?: boolean;
  readonly type: CellType;
  /** The request field it fills, as a 422 names it (`road.lengthM`). */
  readonly field?: string;
}

const labelled = <T extends string>(values: readonly T[], zh: Readonly<Record<T, string>>): CellType => ({
  kind: 'enum',
  labels: Object.fromEntries(values.map((v) => [v, zh[v]])),
});

const TEXT = { kind: 'text' } as const;
const NUMBER = { kind: 'number' } as const;
const INTEGER = { kind: 'integer' } as const;

export const CLASS_TYPE = labelled(ASSET_CLASSES, {
  'road-segment': '道路',
  restroom: '公厕',
  'monitoring-device': '监测设备',
});

/** More names users give the classes (sheet names, class cells); matched after the labels. */
export const CLASS_ALIASES: Readonly<Record<string, AssetClass>> = {
  路段: 'road-segment',
  道路路段: 'road-segment',
  road: 'road-segment',
  roads: 'road-segment',
  'road-segments': 'road-segment',
  卫生间: 'restroom',
  厕所: 'restroom',
  restrooms: 'restroom',
  设备: 'monitoring-device',
  device: 'monitoring-device',
  devices: 'monitoring-device',
  'monitoring-devices': 'monitoring-device',
};

/** A restroom's fixtures: one count column per kind. */
export const FIXTURE_COLUMNS: Readonly<Record<(typeof FIXTURE_KINDS)[number], { key: string; zh: string }>> =
  {
    'squat-toilet': { key: 'squatToilets', zh: '蹲便器' },
    'seat-toilet': { key: 'seatToilets', zh: '坐便器' },
    urinal: { key: 'urinals', zh: '小便器' },
    washbasin: { key: 'washbasins', zh: '洗手盆' },
    'hand-dryer': { key: 'handDryers', zh: '干手器' },
    'soap-dispenser': { key: 'soapDispensers', zh: '皂液器' },
  };

export const COLUMNS: readonly Column[] = [
  { key: 'code', zh: '编码', names: ['资产编码'], required: true, type: TEXT, field: 'code' },
  { key: 'assetClass', zh: '资产类别', names: ['class', '类别'], type: CLASS_TYPE },
  { key: 'name', zh: '名称', names: ['资产名称'], required: true, type: TEXT, field: 'name' },
  { key: 'siteId', zh: '站点', names: ['site', '院区'], type: TEXT },
  { key: 'zone', zh: '区域', type: TEXT, field: 'zone' },
  { key: 'building', zh: '楼栋', names: ['建筑'], type: TEXT, field: 'building' },
  { key: 'x', zh: 'X坐标（米）', names: ['X坐标'], required: true, type: NUMBER, field: 'location.x' },
  { key: 'y', zh: 'Y坐标（米）', names: ['Y坐标'], required: true, type: NUMBER, field: 'location.y' },
  {
    key: 'criticality',
    zh: '重要度',
    names: ['重要程度'],
    required: true,
    type: INTEGER,
    field: 'criticality',
  },
  {
    key: 'installedOn',
    zh: '安装日期',
    names: ['投用日期'],
    required: true,
    type: { kind: 'date' },
    field: 'installedOn',
  },
  {
    key: 'expectedLifeYears',
    zh: '设计寿命（年）',
    names: ['设计寿命'],
    required: true,
    type: NUMBER,
    field: 'expectedLifeYears',
  },
  {
    key: 'replacementCostYuan',
    zh: '重置成本（元）',
    required: true,
    type: { kind: 'yuan' },
    field: 'replacementCostFen',
  },
  {
    key: 'status',
    zh: '状态',
    type: labelled(ASSET_STATUSES, {
      'in-service': '在用',
      'under-maintenance': '维修中',
      'out-of-service': '停用',
      retired: '报废',
    }),
    field: 'status',
  },
  { key: 'department', zh: '责任部门', names: ['部门'], required: true, type: TEXT, field: 'department' },
  // Road segments
  ...road([
    { key: 'lengthM', zh: '长度（米）', names: ['长度'], required: true, type: NUMBER },
    { key: 'widthM', zh: '宽度（米）', names: ['宽度'], required: true, type: NUMBER },
    { key: 'areaM2', zh: '面积（平方米）', names: ['面积'], type: NUMBER },
    {
      key: 'pavement',
      zh: '路面类型',
      required: true,
      type: labelled(ROAD_PAVEMENTS, {
        asphalt: '沥青',
        'cement-concrete': '水泥混凝土',
        'block-paving': '砌块铺装',
      }),
    },
    {
      key: 'roadClass',
      zh: '道路等级',
      required: true,
      type: labelled(URBAN_ROAD_CLASSES, {
        expressway: '快速路',
        arterial: '主干路',
        'secondary-arterial': '次干路',
        branch: '支路',
      }),
    },
    {
      key: 'conditionMethod',
      zh: '评定方法',
      type: labelled(PAVEMENT_METHODS, { cjj36: 'CJJ36', jtg5210: 'JTG5210', 'astm-d6433': 'ASTM-D6433' }),
    },
    { key: 'dustStandardGPerM2', zh: '尘负荷限值（克/平方米）', names: ['尘负荷限值'], type: NUMBER },
  ]),
  // Restrooms (their building is the core's column)
  ...restroom([
    { key: 'floor', zh: '楼层', required: true, type: INTEGER },
    ...FIXTURE_KINDS.map((kind) => ({ ...FIXTURE_COLUMNS[kind], type: INTEGER })),
    { key: 'accessible', zh: '无障碍', required: true, type: { kind: 'boolean' } },
    { key: 'dailyFootfall', zh: '日均人流量', required: true, type: INTEGER },
    {
      key: 'restroomClass',
      zh: '公厕类别',
      required: true,
      type: labelled(RESTROOM_CLASSES, { 'class-1': '一类', 'class-2': '二类', 'class-3': '三类' }),
    },
  ]),
  // Monitoring devices
  ...device([
    {
      key: 'deviceKind',
      zh: '设备类型',
      names: ['kind'],
      required: true,
      type: labelled(DEVICE_KINDS, {
        'nh3-sensor': '氨气传感器',
        'h2s-sensor': '硫化氢传感器',
        'water-leak-sensor': '漏水传感器',
        'air-quality-sensor': '空气质量传感器',
        'occupancy-sensor': '人流传感器',
        'smoke-detector': '烟雾探测器',
        camera: '摄像头',
      }),
      field: 'device.kind',
    },
    { key: 'watches', zh: '监测对象', required: true, type: TEXT, field: 'device.watches' },
    {
      key: 'reportingIntervalSeconds',
      zh: '上报间隔（秒）',
      names: ['上报间隔'],
      required: true,
      type: INTEGER,
    },
    {
      key: 'power',
      zh: '供电方式',
      required: true,
      type: labelled(['battery', 'mains'] as const, { battery: '电池', mains: '市电' }),
    },
    {
      key: 'link',
      zh: '通信方式',
      required: true,
      type: labelled(['wired', 'wireless'] as const, { wired: '有线', wireless: '无线' }),
    },
    { key: 'firmware', zh: '固件版本', type: TEXT },
  ]),
];

function road(columns: Column[]): Column[] {
  return columns.map((c) => ({ field: `road.${c.key}`, ...c, appliesTo: 'road-segment' }));
}
function restroom(columns: Column[]): Column[] {
  return columns.map((c) => ({ field: `restroom.${c.key}`, ...c, appliesTo: 'restroom' }));
}
function device(columns: Column[]): Column[] {
  return columns.map((c) => ({ field: `device.${c.key}`, ...c, appliesTo: 'monitoring-device' }));
}

/** The columns a sheet of these classes has, in the table's order (what an export writes). */
export function columnsFor(classes: readonly AssetClass[]): Column[] {
  return COLUMNS.filter((c) => c.appliesTo === undefined || classes.includes(c.appliesTo));
}

export const columnByKey = (key: string): Column => {
  const column = COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`No column ${key}`);
  return column;
};

/** How headers and labels are compared: width, case, spaces and separators do not matter. */
export const normalizeName = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-–—]+/g, '');

const HEADER_INDEX = new Map<string, Column>(
  COLUMNS.flatMap((c) => [c.key, c.zh, ...(c.names ?? [])].map((n) => [normalizeName(n), c] as const)),
);

/** The column a header names, if any. */
export const columnOfHeader = (header: string): Column | undefined => HEADER_INDEX.get(normalizeName(header));

import type {
  CrewRequest,
  InspectionRequest,
  MonitoringDeviceRequest,
  PersonRequest,
  QuotaRequest,
  RestroomRequest,
  RoadSegmentRequest,
} from '@buqi/services-client';

/**
 * The demo campus: the bureau's places from the speech — 机关南院, 机关北院, 市政协办公区 and the staff
 * housing — with roads, restrooms and odour sensors in mixed condition, two departments, crews,
 * one account per role, a year's budget and the service quotas the remedies are priced with.
 */

const square = (x0: number, y0: number, x1: number, y1: number) => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];

export const SITES = [
  {
    site: { id: 'NY', name: '机关南院', kind: 'government-compound', plan: { widthM: 400, heightM: 300 } },
    zones: [
      { code: 'A', name: '主楼区', outline: square(0, 0, 250, 300) },
      { code: 'B', name: '后勤区', outline: square(250, 0, 400, 300) },
    ],
    buildings: [
      {
        code: 'B01',
        name: '人大办公楼',
        kind: 'office',
        zone: 'A',
        location: { x: 100, y: 80 },
        floors: 6,
        importance: 5,
      },
      {
        code: 'B02',
        name: '机关食堂',
        kind: 'canteen',
        zone: 'B',
        location: { x: 320, y: 150 },
        floors: 2,
        importance: 3,
      },
    ],
  },
  {
    site: { id: 'BY', name: '机关北院', kind: 'government-compound', plan: { widthM: 300, heightM: 200 } },
    zones: [{ code: 'A', name: '办公区', outline: square(0, 0, 300, 200) }],
    buildings: [
      {
        code: 'B01',
        name: '政府办公楼',
        kind: 'office',
        zone: 'A',
        location: { x: 150, y: 90 },
        floors: 8,
        importance: 5,
      },
    ],
  },
  {
    site: { id: 'ZX', name: '市政协办公区', kind: 'office-area', plan: { widthM: 200, heightM: 150 } },
    zones: [{ code: 'A', name: '办公区', outline: square(0, 0, 200, 150) }],
    buildings: [
      {
        code: 'B01',
        name: '政协办公楼',
        kind: 'office',
        zone: 'A',
        location: { x: 90, y: 70 },
        floors: 5,
        importance: 4,
      },
    ],
  },
  {
    site: { id: 'ZG', name: '职工住宅区', kind: 'housing-estate', plan: { widthM: 300, heightM: 300 } },
    zones: [{ code: 'A', name: '住宅一区', outline: square(0, 0, 300, 300) }],
    buildings: [],
  },
] as const;

export const DEPARTMENTS = [
  { id: 'general-affairs', name: '综合处' },
  { id: 'property', name: '物业管理科' },
];

const core = (department: string, installedOn: string, criticality: number, replacementCostFen: number) => ({
  department,
  installedOn,
  criticality,
  replacementCostFen,
  expectedLifeYears: 15,
});

export const ROADS: RoadSegmentRequest[] = [
  {
    code: 'NY-RD-001',
    name: '南院主干道（东段）',
    zone: 'A',
    location: { x: 120, y: 250 },
    ...core('general-affairs', '2009-06-01', 4, 50_400_000),
    road: { lengthM: 120, widthM: 7, pavement: 'asphalt', roadClass: 'arterial' },
  },
  {
    code: 'NY-RD-002',
    name: '南院后勤通道',
    zone: 'B',
    location: { x: 330, y: 260 },
    ...core('general-affairs', '2016-04-01', 2, 12_000_000),
    road: { lengthM: 80, widthM: 5, pavement: 'asphalt', roadClass: 'branch' },
  },
  {
    code: 'BY-RD-001',
    name: '北院入口道路',
    zone: 'A',
    location: { x: 150, y: 180 },
    ...core('general-affairs', '2012-09-01', 3, 30_000_000),
    road: { lengthM: 90, widthM: 6, pavement: 'asphalt', roadClass: 'secondary-arterial' },
  },
  {
    code: 'ZG-RD-001',
    name: '住宅区主路',
    zone: 'A',
    location: { x: 150, y: 150 },
    ...core('property', '2005-05-01', 3, 36_000_000),
    road: { lengthM: 200, widthM: 6, pavement: 'asphalt', roadClass: 'branch' },
  },
];

/** Inspections in mixed condition: a potholed artery (grade B), an estate road gone to grade D, two sound ones. */
export const ROAD_INSPECTIONS: Record<string, InspectionRequest> = {
  'NY-RD-001': {
    notes: '东段多处坑槽',
    pavement: {
      distresses: [
        { type: 'pothole', quantity: 6 },
        { type: 'linear-crack', quantity: 24 },
      ],
    },
  },
  'NY-RD-002': { notes: '路面完好', pavement: { distresses: [] } },
  'BY-RD-001': { notes: '少量裂缝', pavement: { distresses: [{ type: 'linear-crack', quantity: 5 }] } },
  'ZG-RD-001': {
    notes: '路面松散、坑槽较多、网裂',
    pavement: {
      distresses: [
        { type: 'pothole', quantity: 45 },
        { type: 'alligator-cracking', quantity: 180 },
        { type: 'raveling', quantity: 120 },
      ],
    },
  },
};

const restroom = (
  code: string,
  name: string,
  site: string,
  floor: number,
  department: string,
  dailyFootfall: number,
): RestroomRequest => ({
  code,
  name,
  zone: 'A',
  building: 'B01',
  location: { x: site === 'NY' ? 110 : site === 'BY' ? 160 : 95, y: 85 + floor * 3 },
  ...core(department, '2010-03-01', 4, 800_000),
  restroom: {
    floor,
    fixtures: [
      { kind: 'squat-toilet', count: 4 },
      { kind: 'urinal', count: 3 },
    ],
    accessible: true,
    dailyFootfall,
    restroomClass: 'class-2',
  },
});

export const RESTROOMS: RestroomRequest[] = [
  restroom('NY-RR-001', '人大办公楼一层男卫', 'NY', 1, 'general-affairs', 420),
  restroom('NY-RR-002', '人大办公楼三层女卫', 'NY', 3, 'general-affairs', 260),
  restroom('BY-RR-001', '政府办公楼二层卫生间', 'BY', 2, 'general-affairs', 380),
  restroom('ZX-RR-001', '政协办公楼一层卫生间', 'ZX', 1, 'property', 200),
];

const sensor = (code: string, name: string, watches: RestroomRequest): MonitoringDeviceRequest => ({
  code,
  name,
  zone: 'A',
  building: 'B01',
  location: { x: watches.location.x + 7, y: watches.location.y },
  ...core(watches.department, '2023-05-01', 3, 120_000),
  device: {
    kind: 'nh3-sensor',
    watches: { assetId: watches.code },
    reportingIntervalSeconds: 60,
    power: 'mains',
    link: 'wireless',
  },
});

export const SENSORS: MonitoringDeviceRequest[] = [
  sensor('NY-DV-001', '一层男卫氨气传感器', RESTROOMS[0]),
  sensor('NY-DV-002', '三层女卫氨气传感器', RESTROOMS[1]),
  sensor('BY-DV-001', '北院二层卫生间氨气传感器', RESTROOMS[2]),
  sensor('ZX-DV-001', '政协一层卫生间氨气传感器', RESTROOMS[3]),
];

/** What the simulator makes each sensor do: most report clean air; one smells; one falls silent. */
export const SENSOR_BEHAVIOUR: Record<string, 'clean' | 'foul' | 'silent'> = {
  'NY-DV-001': 'foul',
  'NY-DV-002': 'clean',
  'BY-DV-001': 'silent',
  'ZX-DV-001': 'clean',
};

export const CREWS: CrewRequest[] = [
  {
    id: 'roads-1',
    name: '道路维修一班',
    department: 'general-affairs',
    trades: ['roads'],
    zones: ['NY-A', 'NY-B', 'BY-A'],
    capacityHoursPerDay: 24,
  },
  {
    id: 'restrooms-1',
    name: '公厕保洁一班',
    department: 'general-affairs',
    trades: ['restrooms', 'cleaning', 'plumbing'],
    zones: ['NY-A', 'NY-B', 'BY-A'],
    capacityHoursPerDay: 16,
  },
  {
    id: 'devices-1',
    name: '设备运维组',
    department: 'general-affairs',
    trades: ['devices', 'electrical'],
    zones: ['NY-A', 'NY-B', 'BY-A', 'ZX-A', 'ZG-A'],
    capacityHoursPerDay: 8,
  },
  {
    id: 'property-1',
    name: '物业综合班',
    department: 'property',
    trades: ['roads', 'restrooms', 'cleaning'],
    zones: ['ZX-A', 'ZG-A'],
    capacityHoursPerDay: 16,
  },
];

/** One account per role (the console's) and the directory's person behind each. */
export interface DemoPerson extends PersonRequest {
  readonly console: { readonly id: string; readonly crew?: string; readonly contractor?: string };
}

export const PEOPLE: DemoPerson[] = [
  {
    id: 'li.gong',
    console: { id: 'li.gong', crew: 'restrooms-1' },
    name: '李师傅',
    roles: ['crew-member'],
    department: 'general-affairs',
    crew: 'restrooms-1',
  },
  {
    id: 'zhou.lu',
    console: { id: 'zhou.lu', crew: 'roads-1' },
    name: '周师傅',
    roles: ['crew-member'],
    department: 'general-affairs',
    crew: 'roads-1',
  },
  {
    id: 'chen.zhuguan',
    console: { id: 'chen.zhuguan' },
    name: '陈主管',
    roles: ['supervisor'],
    department: 'general-affairs',
  },
  {
    id: 'sun.chuzhang',
    console: { id: 'sun.chuzhang' },
    name: '孙处长',
    roles: ['department-head'],
    department: 'general-affairs',
  },
  {
    id: 'wang.zichan',
    console: { id: 'wang.zichan' },
    name: '王工',
    roles: ['asset-manager'],
    department: 'general-affairs',
  },
  {
    id: 'qian.caiwu',
    console: { id: 'qian.caiwu' },
    name: '钱会计',
    roles: ['finance'],
    department: 'general-affairs',
  },
  {
    id: 'zhao.juzhang',
    console: { id: 'zhao.juzhang' },
    name: '赵局长',
    roles: ['leadership'],
    department: 'general-affairs',
  },
];

const acceptance = (criterion: string, threshold: string) => [{ criterion, threshold }];

/** The service quotas (服务定额) every remedy is priced with. */
export function quotas(fiscalYear: number): QuotaRequest[] {
  const base = { effectiveFrom: `${fiscalYear}-01-01`, reason: `${fiscalYear} 年度服务定额` };
  return [
    {
      ...base,
      taskType: 'pothole-patch',
      name: '沥青路面坑槽修补',
      unit: 'm2',
      standardHoursPerUnit: 0.8,
      labourFenPerUnit: 6_000,
      materialsFenPerUnit: 9_500,
      quality: {
        checklist: ['切割成规则形状', '清除松散材料并涂刷粘层油', '分层压实，边缘无缝隙'],
        acceptance: acceptance('修补面与原路面高差', '≤ 5 mm'),
      },
    },
    {
      ...base,
      taskType: 'resurfacing',
      name: '沥青路面罩面',
      unit: 'm2',
      standardHoursPerUnit: 0.2,
      labourFenPerUnit: 2_500,
      materialsFenPerUnit: 6_500,
      quality: {
        checklist: ['铣刨旧面层', '洒布粘层油', '摊铺碾压密实'],
        acceptance: acceptance('平整度', '≤ 3 mm/3 m'),
      },
    },
    {
      ...base,
      taskType: 'fixture-replacement',
      name: '卫生洁具更换',
      unit: 'fixture',
      standardHoursPerUnit: 1.5,
      labourFenPerUnit: 12_000,
      materialsFenPerUnit: 45_000,
      quality: { checklist: ['角阀无渗漏', '冲水正常', '排水通畅'], acceptance: acceptance('渗漏', '无') },
    },
    {
      ...base,
      taskType: 'odour-remediation',
      name: '公厕异味治理',
      unit: 'unit',
      standardHoursPerUnit: 2.5,
      labourFenPerUnit: 30_000,
      materialsFenPerUnit: 18_000,
      quality: {
        checklist: ['地漏水封完好', '排风扇运转正常', '除臭后氨气读数达标'],
        acceptance: acceptance('氨气浓度', '≤ 1 mg/m³ (GB/T 17217 二类)'),
      },
    },
    {
      ...base,
      taskType: 'device-repair',
      name: '监测设备维修',
      unit: 'unit',
      standardHoursPerUnit: 2,
      labourFenPerUnit: 20_000,
      materialsFenPerUnit: 30_000,
      quality: { checklist: ['设备恢复上报', '读数经校准'], acceptance: acceptance('在线率', '≥ 99 %') },
    },
    {
      ...base,
      taskType: 'sensor-installation',
      name: '监测设备安装',
      unit: 'unit',
      standardHoursPerUnit: 3,
      labourFenPerUnit: 25_000,
      materialsFenPerUnit: 95_000,
      quality: {
        checklist: ['安装牢固', '联网上报', '读数经校准'],
        acceptance: acceptance('首次上报', '安装当日'),
      },
    },
  ];
}

/** The year's envelopes and caps, fen. */
export function budgetYear(fiscalYear: number) {
  return {
    fiscalYear,
    envelopes: { maintenance: 200_000_000, capital: 500_000_000, 'emergency-reserve': 20_000_000 },
    departmentCaps: { 'general-affairs': 150_000_000, property: 80_000_000 },
    reason: `${fiscalYear} 年度运维预算（演示）`,
  };
}

import {
  SEVERITIES,
  type DistressSpec,
  type DistressUnit,
  type PavementType,
  type Severity,
} from '../pavement-types';
import { SOURCES } from './sources';

/** A D6433 distress type: its number in the standard and what the inspection input accepts. */
export interface AstmDistressSpec extends DistressSpec {
  /** The distress number D6433 gives it (asphalt 1–20, jointed concrete 21–39). */
  readonly number: number;
}

// Frozen copies: every spec shares them, so no caller may reorder them in place.
const LMH: readonly Severity[] = Object.freeze([...SEVERITIES]);
const NONE: readonly Severity[] = Object.freeze([]);

function spec(
  number: number,
  type: string,
  zh: string,
  en: string,
  unit: DistressUnit,
  severities: readonly Severity[],
): AstmDistressSpec {
  const list = number <= 20 ? SOURCES.asphaltDistressList : SOURCES.concreteDistressList;
  return {
    number,
    type,
    name: { zh, en },
    unit,
    severities,
    group: number <= 20 ? 'asphalt' : 'jointed concrete',
    source:
      severities.length === 0
        ? { status: list.status, ref: `${list.ref}; no severity: ${SOURCES.noSeverity.ref}` }
        : list,
  };
}

/*
 * D6433 is written in English; the Chinese names are translations, using the term CJJ 36 or
 * JTG 5210 gives the same distress where there is one (龟裂, 车辙, 坑槽, 错台, 唧泥 …).
 */
export const ASTM_D6433_ASPHALT_DISTRESSES: readonly AstmDistressSpec[] = [
  spec(1, 'alligator-cracking', '龟裂', 'alligator (fatigue) cracking', 'm2', LMH),
  spec(2, 'bleeding', '泛油', 'bleeding', 'm2', LMH),
  spec(3, 'block-cracking', '块状裂缝', 'block cracking', 'm2', LMH),
  spec(4, 'bumps-and-sags', '鼓包与凹陷', 'bumps and sags', 'm', LMH),
  spec(5, 'corrugation', '波浪（搓板）', 'corrugation', 'm2', LMH),
  spec(6, 'depression', '沉陷', 'depression', 'm2', LMH),
  spec(7, 'edge-cracking', '边缘裂缝', 'edge cracking', 'm', LMH),
  spec(8, 'joint-reflection-cracking', '接缝反射裂缝', 'joint reflection cracking', 'm', LMH),
  spec(9, 'lane-shoulder-drop-off', '车道与路肩高差', 'lane/shoulder drop-off', 'm', LMH),
  spec(
    10,
    'longitudinal-transverse-cracking',
    '纵向与横向裂缝',
    'longitudinal and transverse cracking',
    'm',
    LMH,
  ),
  spec(11, 'patching', '修补与管线开挖修补', 'patching and utility cut patching', 'm2', LMH),
  spec(12, 'polished-aggregate', '集料磨光', 'polished aggregate', 'm2', NONE),
  spec(13, 'potholes', '坑槽', 'potholes', 'count', LMH),
  spec(14, 'railroad-crossing', '铁路道口', 'railroad crossing', 'm2', LMH),
  spec(15, 'rutting', '车辙', 'rutting', 'm2', LMH),
  spec(16, 'shoving', '推移', 'shoving', 'm2', LMH),
  spec(17, 'slippage-cracking', '滑移裂缝', 'slippage cracking', 'm2', LMH),
  spec(18, 'swell', '隆胀', 'swell', 'm2', LMH),
  spec(19, 'raveling', '松散', 'raveling', 'm2', LMH),
  spec(20, 'weathering', '风化', 'weathering', 'm2', LMH),
];

/** Every jointed-concrete distress is counted in slabs: a slab shows it or not. */
export const ASTM_D6433_CONCRETE_DISTRESSES: readonly AstmDistressSpec[] = [
  spec(21, 'blowup-buckling', '拱起', 'blowup/buckling', 'slabs', LMH),
  spec(22, 'corner-break', '板角断裂', 'corner break', 'slabs', LMH),
  spec(23, 'divided-slab', '破碎板', 'divided slab', 'slabs', LMH),
  spec(24, 'durability-cracking', '耐久性（D 形）裂缝', 'durability ("D") cracking', 'slabs', LMH),
  spec(25, 'faulting', '错台', 'faulting', 'slabs', LMH),
  {
    ...spec(26, 'joint-seal-damage', '接缝料损坏', 'joint seal damage', 'slabs', LMH),
    source: SOURCES.jointSealDamage,
  },
  spec(27, 'lane-shoulder-drop-off', '车道与路肩高差', 'lane/shoulder drop-off', 'slabs', LMH),
  spec(28, 'linear-cracking', '线裂（纵向、横向、斜向裂缝）', 'linear cracking', 'slabs', LMH),
  spec(29, 'patching-large', '大面积修补与管线开挖修补', 'patching, large, and utility cuts', 'slabs', LMH),
  spec(30, 'patching-small', '小面积修补', 'patching, small', 'slabs', LMH),
  spec(31, 'polished-aggregate', '集料磨光', 'polished aggregate', 'slabs', NONE),
  spec(32, 'popouts', '集料崩出', 'popouts', 'slabs', NONE),
  spec(33, 'pumping', '唧泥', 'pumping', 'slabs', NONE),
  spec(34, 'punchout', '冲断', 'punchout', 'slabs', LMH),
  spec(35, 'railroad-crossing', '铁路道口', 'railroad crossing', 'slabs', LMH),
  spec(36, 'scaling-map-cracking', '表面纹裂与层状剥落', 'scaling, map cracking and crazing', 'slabs', LMH),
  spec(37, 'shrinkage-cracks', '收缩裂缝', 'shrinkage cracks', 'slabs', NONE),
  spec(38, 'corner-spalling', '板角剥落', 'spalling, corner', 'slabs', LMH),
  spec(39, 'joint-spalling', '接缝边缘剥落', 'spalling, joint', 'slabs', LMH),
];

/** Rated for the whole sample unit, not slab by slab: see `joint-seal.ts`. */
export const JOINT_SEAL_DAMAGE = 'joint-seal-damage';

export function astmDistresses(pavement: PavementType): readonly AstmDistressSpec[] {
  return pavement === 'asphalt' ? ASTM_D6433_ASPHALT_DISTRESSES : ASTM_D6433_CONCRETE_DISTRESSES;
}

import type {
  DustLoadResult,
  DustSample,
  FixtureKind,
  HygieneMeasurement,
  HygieneResult,
  MaintenanceAction,
  PavementDistressObservation,
  PavementGrade,
} from '@buqi/domain-condition';

/** A road segment's pavement as inspected; the area defaults to the segment's. */
export interface PavementSheet {
  readonly areaM2?: number;
  /** ASTM D6433 jointed concrete only: the slabs in the sample unit. */
  readonly slabs?: number;
  readonly distresses: readonly PavementDistressObservation[];
}

/** Dust swept from marked patches of the segment's carriageway (以克论净). */
export interface DustSheet {
  readonly samples: readonly DustSample[];
}

/** A restroom as inspected; a fixture's total defaults to the count registered for the restroom. */
export interface RestroomSheet {
  readonly fixtures: readonly {
    readonly kind: FixtureKind;
    readonly working: number;
    readonly total?: number;
  }[];
  readonly odour: { readonly nh3Ppm: number; readonly h2sPpm: number };
  readonly cleanliness: { readonly itemsPassed: number; readonly itemsChecked: number };
  readonly leaks: { readonly found: number; readonly active: number };
  readonly ventilation: { readonly working: boolean; readonly airChangesPerHour?: number };
  /** GB/T 17217 items measured beside the inspection, checked against the restroom's class. */
  readonly hygiene?: HygieneMeasurement;
}

/** A device's calibration, done when the inspection is dated. */
export interface CalibrationSheet {
  readonly certificate?: string;
}

/** What an inspector recorded: the parts that belong to the asset's class. */
export interface InspectionSheet {
  readonly pavement?: PavementSheet;
  readonly dust?: DustSheet;
  readonly restroom?: RestroomSheet;
  readonly calibration?: CalibrationSheet;
}

/** A condition index with the factors that produced it, as the condition model gave it. */
export interface AssessedCondition {
  /** 0–100 */
  readonly index: number;
  readonly grade?: PavementGrade;
  readonly action?: MaintenanceAction;
  /** The model: a pavement method (cjj36, jtg5210, astm-d6433) or restroom-condition. */
  readonly method: string;
  readonly factors: object;
}

export interface DustFinding {
  readonly loadGPerM2: number;
  readonly standardGPerM2: number;
  readonly passes: boolean;
  /** standard − load: headroom when positive, excess when negative */
  readonly margin: number;
  readonly factors: DustLoadResult['factors'];
}

/** What a remedy would be costed by: a road's damaged area, a concrete sample's slabs, fixtures out of order. */
export interface Damage {
  readonly quantity: number;
  readonly unit: 'm2' | 'slabs' | 'fixtures';
}

/** What an inspection found. Only an assessment with a condition can become the asset's latest condition. */
export interface Assessment {
  readonly condition?: AssessedCondition;
  readonly dust?: DustFinding;
  readonly hygiene?: HygieneResult;
  readonly damage?: Damage;
  readonly calibration?: CalibrationSheet;
}

/** The method of a device's condition assessed from its telemetry by the heartbeat sweep. */
export const DEVICE_TELEMETRY_METHOD = 'device-telemetry';

/** The model restroom inspections are scored by (recorded as the condition's method). */
export const RESTROOM_METHOD = 'restroom-condition';

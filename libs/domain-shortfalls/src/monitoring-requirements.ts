export const PLACE_KINDS = ['site', 'zone', 'building', 'restroom', 'road-junction'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** "Every `placeKind` needs at least `minCount` working `deviceKind`" (没有技术手段,精准防控就没法实现). */
export interface MonitoringRequirement {
  readonly placeKind: PlaceKind;
  readonly deviceKind: string;
  readonly minCount: number;
  readonly safetyCritical: boolean;
  /** Why it is required; quoted in the evidence. */
  readonly purpose: string;
}

export const MONITORING_REQUIREMENTS: readonly MonitoringRequirement[] = [
  {
    placeKind: 'restroom',
    deviceKind: 'nh3-sensor',
    minCount: 1,
    safetyCritical: false,
    purpose: 'odour control',
  },
  {
    placeKind: 'road-junction',
    deviceKind: 'camera',
    minCount: 1,
    safetyCritical: true,
    purpose: 'traffic safety',
  },
  {
    placeKind: 'building',
    deviceKind: 'smoke-detector',
    minCount: 1,
    safetyCritical: true,
    purpose: 'fire safety',
  },
];

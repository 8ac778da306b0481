import { array, bool, DomainValidationError, integer, oneOf, record, text } from '@buqi/domain-kernel';
import { evidenceLines, severityAt, type Finding } from './finding';
import { at } from './input';
import {
  MONITORING_REQUIREMENTS,
  PLACE_KINDS,
  type MonitoringRequirement,
  type PlaceKind,
} from './monitoring-requirements';

export interface Place {
  readonly id: string;
  readonly kind: PlaceKind;
  readonly name?: string;
}

/** `active` and `degraded` devices still monitor; `failed` and `retired` ones do not. */
export const DEVICE_STATUSES = ['active', 'degraded', 'failed', 'retired'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
const WORKING: readonly DeviceStatus[] = ['active', 'degraded'];

export interface InstalledDevice {
  readonly id: string;
  readonly placeId: string;
  readonly kind: string;
  readonly status: DeviceStatus;
}

export interface CoverageInput {
  readonly places: readonly Place[];
  readonly devices: readonly InstalledDevice[];
  /** Default `MONITORING_REQUIREMENTS`. */
  readonly requirements?: readonly MonitoringRequirement[];
}

export interface CoverageGapFinding extends Finding<'coverage-gap'> {
  readonly placeId: string;
  readonly placeKind: PlaceKind;
  readonly deviceKind: string;
  readonly required: number;
  readonly working: number;
  /** `missing`: no device of the kind; `not-working`: only failed or retired ones; `partial`: too few working. */
  readonly gap: 'missing' | 'not-working' | 'partial';
  readonly notWorking: readonly { readonly id: string; readonly status: DeviceStatus }[];
  readonly safetyCritical: boolean;
}

const LISTED = 5;

/**
 * Places that lack the monitoring their kind requires: one finding per place and unmet requirement.
 * Severity: no working device is major, too few is moderate; a safety-critical requirement is one
 * step worse. Devices count only for the place they are attached to (no roll-up from rooms to a
 * building); devices at places not in the list are ignored.
 */
export function findCoverageGaps(input: CoverageInput): CoverageGapFinding[] {
  const i = record('input', input);
  const places = validatePlaces(i['places']);
  const devices = validateDevices(i['devices']);
  const requirements =
    i['requirements'] === undefined ? MONITORING_REQUIREMENTS : validateRequirements(i['requirements']);

  return places.flatMap((place) =>
    requirements
      .filter((req) => req.placeKind === place.kind)
      .flatMap((req) =>
        gapAt(
          place,
          req,
          devices.filter((d) => d.placeId === place.id && d.kind === req.deviceKind),
        ),
      ),
  );
}

function gapAt(
  place: Place,
  req: MonitoringRequirement,
  ofKind: readonly InstalledDevice[],
): CoverageGapFinding[] {
  const working = ofKind.filter((d) => WORKING.includes(d.status)).length;
  if (working >= req.minCount) return [];
  const notWorking = ofKind
    .filter((d) => !WORKING.includes(d.status))
    .map(({ id, status }) => ({ id, status }));
  const gap = ofKind.length === 0 ? 'missing' : working === 0 ? 'not-working' : 'partial';
  const severity = severityAt((working === 0 ? 2 : 1) + (req.safetyCritical ? 1 : 0));
  const label = `${place.kind} ${place.id}${place.name === undefined ? '' : ` (${place.name})`}`;
  const listed = notWorking.slice(0, LISTED).map((d) => `${d.id} (${d.status})`);
  if (notWorking.length > LISTED) listed.push(`and ${notWorking.length - LISTED} more`);
  const state =
    gap === 'missing'
      ? `has no ${req.deviceKind}`
      : `has ${working} working ${req.deviceKind} of ${ofKind.length} installed` +
        (listed.length > 0 ? `; not working: ${listed.join(', ')}` : '');
  return [
    {
      kind: 'coverage-gap',
      severity,
      evidence: evidenceLines([
        `${label} ${state}`,
        `requirement: at least ${req.minCount} working ${req.deviceKind} per ${req.placeKind} (${req.purpose})`,
        `severity ${severity}: ${working === 0 ? 'no working device (major)' : 'too few working devices (moderate)'}` +
          (req.safetyCritical ? ', one step worse for a safety-critical requirement' : ''),
      ]),
      placeId: place.id,
      placeKind: place.kind,
      deviceKind: req.deviceKind,
      required: req.minCount,
      working,
      gap,
      notWorking,
      safetyCritical: req.safetyCritical,
    },
  ];
}

function validatePlaces(value: unknown): Place[] {
  const seen = new Set<string>();
  return array<unknown>('places', value).map((item, n) => {
    const path = `places[${n}]`;
    const p = record(path, item);
    const id = text(at(path, 'id'), p['id'], 100);
    if (seen.has(id)) throw new DomainValidationError(at(path, 'id'), id, 'must be unique among the places');
    seen.add(id);
    const kind = oneOf(at(path, 'kind'), p['kind'], PLACE_KINDS);
    return p['name'] === undefined ? { id, kind } : { id, kind, name: text(at(path, 'name'), p['name']) };
  });
}

function validateDevices(value: unknown): InstalledDevice[] {
  const seen = new Set<string>();
  return array<unknown>('devices', value).map((item, n) => {
    const path = `devices[${n}]`;
    const d = record(path, item);
    const id = text(at(path, 'id'), d['id'], 100);
    if (seen.has(id)) throw new DomainValidationError(at(path, 'id'), id, 'must be unique among the devices');
    seen.add(id);
    return {
      id,
      placeId: text(at(path, 'placeId'), d['placeId'], 100),
      kind: text(at(path, 'kind'), d['kind'], 64),
      status: oneOf(at(path, 'status'), d['status'], DEVICE_STATUSES),
    };
  });
}

function validateRequirements(value: unknown): MonitoringRequirement[] {
  return array<unknown>('requirements', value).map((item, n) => {
    const path = `requirements[${n}]`;
    const r = record(path, item);
    return {
      placeKind: oneOf(at(path, 'placeKind'), r['placeKind'], PLACE_KINDS),
      deviceKind: text(at(path, 'deviceKind'), r['deviceKind'], 64),
      minCount: integer(at(path, 'minCount'), r['minCount'], { min: 1 }),
      safetyCritical: bool(at(path, 'safetyCritical'), r['safetyCritical']),
      purpose: text(at(path, 'purpose'), r['purpose']),
    };
  });
}

import { DomainValidationError, finite, text } from '@buqi/domain-kernel';
import type { Trade } from './trades';
import type { WorkingCalendarId } from './working-calendars';

/**
 * The directory of 管办分离: the bureau's departments and people manage; its own crews and outside
 * contractors deliver. Plain types and the rules no request schema can express; the request
 * schemas have already checked each field's shape.
 */

/** A department of the bureau, e.g. `general-affairs` 综合处. */
export interface Department {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
}

/**
 * A person with an account: the id is the account's `sub`, so tokens, audit lines and events that
 * name an actor name this entry. Belongs to a department, and to a crew or a contractor (not both)
 * when they deliver work.
 */
export interface Person {
  readonly id: string;
  readonly name: string;
  /** Role names as the identity provider issues them (ADR 0008); the request schema checks them. */
  readonly roles: readonly string[];
  readonly department: string;
  readonly crew?: string;
  readonly contractor?: string;
  /** For notifications (SMS); shown only to those who may see contact details. */
  readonly phone?: string;
  readonly email?: string;
  readonly active: boolean;
}

/** What crews and contractors share: what they do, where, how much per day, on which days. */
export interface Workforce {
  readonly id: string;
  readonly name: string;
  readonly trades: readonly Trade[];
  /** Zone ids (`<site>-<zone>`, e.g. NY-A) served. */
  readonly zones: readonly string[];
  /** Standard hours (定额工时) of work it can deliver per working day. */
  readonly capacityHoursPerDay: number;
  readonly calendar: WorkingCalendarId;
  readonly active: boolean;
}

/** One of the bureau's own crews (班组); its members are the people whose `crew` names it. */
export interface Crew extends Workforce {
  readonly department: string;
}

/** Someone to reach about a contract. */
export interface Contact {
  readonly name: string;
  readonly phone?: string;
  readonly email?: string;
}

/** An outside company contracted for maintenance (外包单位); its staff are people naming it. */
export interface Contractor extends Workforce {
  readonly contact: Contact;
  readonly contractNumber: string;
}

const NAME_MAX = 100;

export function department(input: Department): Department {
  return { id: input.id, name: text('name', input.name.trim(), NAME_MAX), active: input.active };
}

/**
 * A person as the directory keeps them: a crew member belongs to a crew and a contractor's staff
 * to a contractor, never both; roles are kept once each, in the order given.
 */
export function person(input: Person): Person {
  const roles = [...new Set(input.roles)];
  if (roles.length === 0)
    throw new DomainValidationError('roles', input.roles, 'must name at least one role');
  if (input.crew && input.contractor)
    throw new DomainValidationError(
      'contractor',
      input.contractor,
      `cannot be set with crew ${input.crew}: a person delivers for a crew or a contractor, not both`,
    );
  if (roles.includes('crew-member') && !input.crew)
    throw new DomainValidationError('crew', input.crew, 'is required for a crew-member');
  if (roles.includes('contractor') && !input.contractor)
    throw new DomainValidationError('contractor', input.contractor, 'is required for a contractor');
  return {
    id: input.id,
    name: text('name', input.name.trim(), NAME_MAX),
    roles,
    department: input.department,
    ...(input.crew && { crew: input.crew }),
    ...(input.contractor && { contractor: input.contractor }),
    ...(input.phone?.trim() && { phone: input.phone.trim() }),
    ...(input.email?.trim() && { email: input.email.trim() }),
    active: input.active,
  };
}

export function crew(input: Crew): Crew {
  return { ...workforce(input), department: input.department };
}

export function contractor(input: Contractor): Contractor {
  const { contact } = input;
  return {
    ...workforce(input),
    contact: {
      name: text('contact.name', contact.name.trim(), NAME_MAX),
      ...(contact.phone?.trim() && { phone: contact.phone.trim() }),
      ...(contact.email?.trim() && { email: contact.email.trim() }),
    },
    contractNumber: text('contractNumber', input.contractNumber.trim(), 60),
  };
}

function workforce(input: Workforce): Workforce {
  if (input.trades.length === 0)
    throw new DomainValidationError('trades', input.trades, 'must name at least one trade');
  return {
    id: input.id,
    name: text('name', input.name.trim(), NAME_MAX),
    trades: [...new Set(input.trades)],
    zones: [...new Set(input.zones)],
    capacityHoursPerDay: finite('capacityHoursPerDay', input.capacityHoursPerDay, { min: 0, max: 1000 }),
    calendar: input.calendar,
    active: input.active,
  };
}

/** The site of a zone id: `NY-A` → `NY`. */
export function siteOfZone(zoneId: string): string {
  const dash = zoneId.indexOf('-');
  return dash > 0 ? zoneId.slice(0, dash) : zoneId;
}

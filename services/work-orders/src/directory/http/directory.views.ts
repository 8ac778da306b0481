import { Type, type Static } from '@sinclair/typebox';
import { hasAnyRole, maskPhone, type Principal, type Role } from '@buqi/auth';
import { Literals } from '@buqi/platform';
import { maskEmail } from '../domain/contact';
import type { Contact, Contractor, Crew, Department, Person } from '../domain/directory';
import { TRADE_IDS, TRADES } from '../domain/trades';
import { WORKING_CALENDAR_IDS, WORKING_CALENDARS } from '../domain/working-calendars';
import type { Stored } from '../persistence/entry-store';
import type { Suggestion } from '../use-cases/suggest-assignees.use-case';
import type { WithMembers } from '../use-cases/workforce.use-cases';

/**
 * Who sees phone numbers and e-mail addresses in full: supervisors (who dispatch), department
 * heads and admins. Everyone else signed in sees them masked (138****5678, z***@bureau.gov.cn),
 * except their own, and a contractor's staff their contractor's contact.
 */
export const CONTACT_READERS: readonly Role[] = ['supervisor', 'department-head', 'admin'];

/** How the caller sees contact details: in full, or masked. */
export interface ContactPolicy {
  readonly person: (id: string) => boolean;
  readonly contractor: (id: string) => boolean;
}

export function contactPolicy(principal: Principal): ContactPolicy {
  if (hasAnyRole(principal, CONTACT_READERS)) return { person: () => true, contractor: () => true };
  const user = principal.kind === 'user' ? principal : undefined;
  return {
    person: (id) => principal.id === id,
    contractor: (id) => user?.contractor === id,
  };
}

const When = Type.String({ format: 'date-time' });
const bookkeeping = {
  version: Type.Integer({ description: 'Also the ETag; send it back in If-Match to change the entry' }),
  createdAt: When,
  createdBy: Type.String(),
  updatedAt: When,
  updatedBy: Type.String(),
};
const Masked = (what: string) =>
  Type.String({ description: `${what}; masked (138****5678, z***@…) unless you may see contact details` });

function bookkeepingOf(entry: Stored<unknown>) {
  return {
    version: entry.version,
    createdAt: new Date(entry.createdAt).toISOString(),
    createdBy: entry.createdBy,
    updatedAt: new Date(entry.updatedAt).toISOString(),
    updatedBy: entry.updatedBy,
  };
}

function contactFields(c: { phone?: string; email?: string }, shown: boolean) {
  return {
    ...(c.phone && { phone: shown ? c.phone : maskPhone(c.phone) }),
    ...(c.email && { email: shown ? c.email : maskEmail(c.email) }),
  };
}

export const DepartmentView = Type.Object({
  id: Type.String({ description: 'e.g. general-affairs' }),
  name: Type.String({ description: 'e.g. 综合处' }),
  active: Type.Boolean(),
  ...bookkeeping,
});
export type DepartmentView = Static<typeof DepartmentView>;

export function toDepartmentView(d: Stored<Department>): DepartmentView {
  return { id: d.id, name: d.name, active: d.active, ...bookkeepingOf(d) };
}

export const PersonView = Type.Object({
  id: Type.String({ description: "The account's sub" }),
  name: Type.String(),
  roles: Type.Array(Type.String()),
  department: Type.String(),
  crew: Type.Optional(Type.String()),
  contractor: Type.Optional(Type.String()),
  phone: Type.Optional(Masked('Mobile or landline')),
  email: Type.Optional(Masked('E-mail')),
  active: Type.Boolean(),
  ...bookkeeping,
});
export type PersonView = Static<typeof PersonView>;

export function toPersonView(p: Stored<Person>, policy: ContactPolicy): PersonView {
  return {
    id: p.id,
    name: p.name,
    roles: [...p.roles],
    department: p.department,
    ...(p.crew && { crew: p.crew }),
    ...(p.contractor && { contractor: p.contractor }),
    ...contactFields(p, policy.person(p.id)),
    active: p.active,
    ...bookkeepingOf(p),
  };
}

const Member = Type.Object({ id: Type.String(), name: Type.String(), active: Type.Boolean() });
const workforce = {
  id: Type.String(),
  name: Type.String(),
  trades: Type.Array(Literals(TRADE_IDS)),
  zones: Type.Array(Type.String({ description: 'e.g. NY-A' })),
  capacityHoursPerDay: Type.Number({ description: 'Standard hours per working day' }),
  calendar: Literals(WORKING_CALENDAR_IDS),
  active: Type.Boolean(),
  members: Type.Array(Member, { description: 'The people whose crew or contractor this is' }),
};

function workforceOf(w: WithMembers<Crew | Contractor>) {
  return {
    id: w.id,
    name: w.name,
    trades: [...w.trades],
    zones: [...w.zones],
    capacityHoursPerDay: w.capacityHoursPerDay,
    calendar: w.calendar,
    active: w.active,
    members: w.members.map((m) => ({ id: m.id, name: m.name, active: m.active })),
  };
}

export const CrewView = Type.Object({ ...workforce, department: Type.String(), ...bookkeeping });
export type CrewView = Static<typeof CrewView>;

export function toCrewView(c: WithMembers<Crew>): CrewView {
  return { ...workforceOf(c), department: c.department, ...bookkeepingOf(c) };
}

export const ContractorView = Type.Object({
  ...workforce,
  contact: Type.Object({
    name: Type.String(),
    phone: Type.Optional(Masked('Phone')),
    email: Type.Optional(Masked('E-mail')),
  }),
  contractNumber: Type.String(),
  ...bookkeeping,
});
export type ContractorView = Static<typeof ContractorView>;

export function toContractorView(c: WithMembers<Contractor>, policy: ContactPolicy): ContractorView {
  const contact: Contact = c.contact;
  return {
    ...workforceOf(c),
    contact: { name: contact.name, ...contactFields(contact, policy.contractor(c.id)) },
    contractNumber: c.contractNumber,
    ...bookkeepingOf(c),
  };
}

export const ReferenceDataView = Type.Object({
  trades: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), covers: Type.String() })),
  calendars: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});
export type ReferenceDataView = Static<typeof ReferenceDataView>;

export function referenceData(): ReferenceDataView {
  return {
    trades: TRADES.map((t) => ({ id: t.id, name: t.name, covers: t.covers })),
    calendars: WORKING_CALENDAR_IDS.map((id) => ({ id, name: WORKING_CALENDARS[id].name })),
  };
}

const Ranked = Type.Object({
  rank: Type.Integer({ minimum: 1 }),
  kind: Literals(['crew', 'contractor'] as const),
  id: Type.String(),
  name: Type.String(),
  score: Type.Number({ description: '0–100: 40 % zone, 35 % spare capacity, 25 % on-time record' }),
  factors: Type.Object({ zone: Type.Number(), capacity: Type.Number(), onTime: Type.Number() }),
  availableHours: Type.Number({ description: 'Capacity on its working days up to the due day' }),
  spareHours: Type.Number({ description: 'Available less its open orders, before this one' }),
  fits: Type.Boolean({ description: 'Whether this order fits in its spare hours' }),
  reasons: Type.Array(Type.String()),
});

export const SuggestionView = Type.Object({
  order: Type.Object({
    trade: Type.String(),
    zoneId: Type.String(),
    standardHours: Type.Number(),
    due: Type.Optional(When),
  }),
  since: Type.String({ format: 'date-time', description: 'The on-time record counts orders closed since' }),
  provisional: Type.Boolean({
    description: 'True while the orders do not supply open load and on-time records (counted as none)',
  }),
  ranked: Type.Array(Ranked, { description: 'Best first' }),
  excluded: Type.Array(
    Type.Object({
      kind: Literals(['crew', 'contractor'] as const),
      id: Type.String(),
      name: Type.String(),
      reasons: Type.Array(Type.String()),
    }),
    { description: 'Active crews and contractors that cannot take the order, with why' },
  ),
});
export type SuggestionView = Static<typeof SuggestionView>;

export function toSuggestionView(s: Suggestion): SuggestionView {
  return {
    order: {
      trade: s.order.trade,
      zoneId: s.order.zoneId,
      standardHours: s.order.standardHours,
      ...(s.order.due && { due: s.order.due.toISOString() }),
    },
    since: s.since.toISOString(),
    provisional: s.provisional,
    ranked: s.ranked.map((r) => ({ ...r, factors: { ...r.factors }, reasons: [...r.reasons] })),
    excluded: s.excluded.map((e) => ({ ...e, reasons: [...e.reasons] })),
  };
}

import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { ROLES } from '@buqi/auth';
import { Closed, listQuerySchema, Literals, type ListSpec } from '@buqi/platform';
import { TRADE_IDS } from '../domain/trades';
import { WORKING_CALENDAR_IDS } from '../domain/working-calendars';

// Field schemas of the directory's requests: every body and query is closed (unknown fields are
// refused) and every field a plain value of a known shape, so nothing sent can become an operator.

const Slug = (description: string) => Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$', description });

export const DepartmentId = Slug('Lower-case words joined by hyphens, e.g. general-affairs (综合处)');
export const PersonId = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}$',
  description: "The account's sub (subject) in the identity provider, e.g. u-zhangwei",
});
export const CrewId = Slug('e.g. roads-1 (道路一班)');
export const ContractorId = Slug('e.g. hengtai-property (恒泰物业)');
export const ZoneId = Type.String({
  pattern: '^[A-Z][A-Z0-9]{1,5}-[A-Z0-9]{1,10}$',
  description: '<site>-<zone>, e.g. NY-A',
});
const Name = (description: string) =>
  Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description });
const Phone = Type.String({
  pattern: '^\\+?[0-9][0-9 -]{6,19}$',
  description: 'For SMS notifications: a mobile (13812345678) or a landline (010-12345678)',
});
const Email = Type.String({ format: 'email', maxLength: 120, description: 'For e-mail notifications' });
const Active = Type.Boolean({
  default: true,
  description: 'False keeps the entry (records name it) but takes it out of use',
});
export const Trade = Literals(TRADE_IDS, TRADE_IDS.join(', '));
const Trades = Type.Array(Trade, { minItems: 1, maxItems: TRADE_IDS.length, uniqueItems: true });
const Zones = Type.Array(ZoneId, { maxItems: 200, uniqueItems: true, description: 'Zones served' });
const Capacity = Type.Number({
  minimum: 0,
  maximum: 1000,
  description: 'Standard hours (定额工时) it can deliver per working day, e.g. 4 people × 8 h = 32',
});
const Calendar = Literals(
  WORKING_CALENDAR_IDS,
  'Its working days: statutory (Mon–Fri, public holidays off), six-day (Mon–Sat), every-day (shifts)',
);

const departmentFields = { name: Name('e.g. 综合处'), active: Type.Optional(Active) };
const personFields = {
  name: Name('e.g. 张伟'),
  roles: Type.Array(Literals(ROLES), {
    minItems: 1,
    maxItems: ROLES.length,
    uniqueItems: true,
    description: 'The roles the account holds (as the identity provider issues them)',
  }),
  department: DepartmentId,
  crew: Type.Optional(CrewId),
  contractor: Type.Optional(ContractorId),
  phone: Type.Optional(Phone),
  email: Type.Optional(Email),
  active: Type.Optional(Active),
};
const workforceFields = {
  name: Name('e.g. 道路一班'),
  trades: Trades,
  zones: Zones,
  capacityHoursPerDay: Capacity,
  calendar: Type.Optional({ ...Calendar, default: 'statutory' }),
  active: Type.Optional(Active),
};
const crewFields = { ...workforceFields, department: DepartmentId };
const contractorFields = {
  ...workforceFields,
  name: Name('The company, e.g. 恒泰物业管理有限公司'),
  contact: Closed(
    { name: Name('e.g. 李经理'), phone: Type.Optional(Phone), email: Type.Optional(Email) },
    'Whom to reach about the contract',
  ),
  contractNumber: Type.String({
    minLength: 1,
    maxLength: 60,
    pattern: '\\S',
    description: 'e.g. BQ-2026-017',
  }),
};

/** A create request (the id chosen by the caller) and a replacement (PUT, the id in the path). */
const pair = <P extends TProperties, I extends TProperties>(id: I, fields: P, what: string) =>
  [
    Closed({ ...id, ...fields }, `A new ${what}`),
    Closed(fields, `The ${what}'s fields, all of them`),
  ] as const;

export const [CreateDepartmentRequest, ReviseDepartmentRequest] = pair(
  { id: DepartmentId },
  departmentFields,
  'department',
);
export type CreateDepartmentRequest = Static<typeof CreateDepartmentRequest>;
export type ReviseDepartmentRequest = Static<typeof ReviseDepartmentRequest>;

export const [CreatePersonRequest, RevisePersonRequest] = pair({ id: PersonId }, personFields, 'person');
export type CreatePersonRequest = Static<typeof CreatePersonRequest>;
export type RevisePersonRequest = Static<typeof RevisePersonRequest>;

export const [CreateCrewRequest, ReviseCrewRequest] = pair({ id: CrewId }, crewFields, 'crew');
export type CreateCrewRequest = Static<typeof CreateCrewRequest>;
export type ReviseCrewRequest = Static<typeof ReviseCrewRequest>;

export const [CreateContractorRequest, ReviseContractorRequest] = pair(
  { id: ContractorId },
  contractorFields,
  'contractor',
);
export type CreateContractorRequest = Static<typeof CreateContractorRequest>;
export type ReviseContractorRequest = Static<typeof ReviseContractorRequest>;

export const DepartmentParams = Closed({ id: DepartmentId });
export const PersonParams = Closed({ id: PersonId });
export const CrewParams = Closed({ id: CrewId });
export const ContractorParams = Closed({ id: ContractorId });
export type IdParams = { id: string };

const SORTABLE = ['name', 'createdAt', 'updatedAt'] as const;

export const LIST_DEPARTMENTS = {
  sortable: SORTABLE,
  defaultSort: 'name',
  filters: { active: Type.Boolean() },
} as const satisfies ListSpec;
export const ListDepartmentsQuery = listQuerySchema(LIST_DEPARTMENTS);
export type ListDepartmentsQuery = Static<typeof ListDepartmentsQuery>;

export const LIST_PEOPLE = {
  sortable: SORTABLE,
  defaultSort: 'name',
  filters: {
    department: DepartmentId,
    role: Literals(ROLES, 'People holding this role'),
    crew: CrewId,
    contractor: ContractorId,
    active: Type.Boolean(),
  },
} as const satisfies ListSpec;
export const ListPeopleQuery = listQuerySchema(LIST_PEOPLE);
export type ListPeopleQuery = Static<typeof ListPeopleQuery>;

const workforceFilters = {
  trade: { ...Trade, description: 'Those doing this trade' },
  zoneId: { ...ZoneId, description: 'Those serving this zone' },
  active: Type.Boolean(),
};

export const LIST_CREWS = {
  sortable: SORTABLE,
  defaultSort: 'name',
  filters: { department: DepartmentId, ...workforceFilters },
} as const satisfies ListSpec;
export const ListCrewsQuery = listQuerySchema(LIST_CREWS);
export type ListCrewsQuery = Static<typeof ListCrewsQuery>;

export const LIST_CONTRACTORS = {
  sortable: SORTABLE,
  defaultSort: 'name',
  filters: workforceFilters,
} as const satisfies ListSpec;
export const ListContractorsQuery = listQuerySchema(LIST_CONTRACTORS);
export type ListContractorsQuery = Static<typeof ListContractorsQuery>;

export const SuggestionQuery = Closed({
  trade: Trade,
  zoneId: ZoneId,
  standardHours: Type.Number({
    exclusiveMinimum: 0,
    maximum: 10_000,
    description: "The order's standard hours (定额工时)",
  }),
  due: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'When the order is due; without it, one working day of capacity counts',
    }),
  ),
});
export type SuggestionQuery = Static<typeof SuggestionQuery>;

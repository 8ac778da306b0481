import { Fen } from '@buqi/contracts';
import { Type, type Static } from '@sinclair/typebox';
import { Closed, Literals } from '@buqi/platform';
import { ENVELOPE_KINDS } from '../domain/budget-year';

/**
 * Money in the API: whole fen, never negative, at most what the events may carry (¥100 billion), so
 * an amount the API takes can always be published.
 */
export { Fen };

const DEPARTMENT = '^[a-z][a-z0-9-]{1,39}$';
const ZONE = '^[A-Z][A-Z0-9]{1,5}-[A-Z0-9]{1,10}$';
const Reason = Type.String({ minLength: 3, maxLength: 500, description: 'Why: kept in the audit trail' });

const Limits = {
  envelopes: Type.Optional(
    Closed(
      Object.fromEntries(ENVELOPE_KINDS.map((k) => [k, Type.Optional(Fen(`The ${k} envelope, fen`))])),
      'Envelopes by kind, fen (an envelope not given is 0 in a new year, unchanged in a revision)',
    ),
  ),
  departmentCaps: Type.Optional(
    Type.Record(Type.String({ pattern: DEPARTMENT }), Fen('The cap, fen'), {
      description: 'Caps by responsible department, fen; a department without one is not capped',
      additionalProperties: false,
    }),
  ),
  zoneCaps: Type.Optional(
    Type.Record(Type.String({ pattern: ZONE }), Fen('The cap, fen'), {
      description: 'Caps by zone (`<site>-<zone>`, e.g. NY-A), fen; a zone without one is not capped',
      additionalProperties: false,
    }),
  ),
};

export const OpenYearRequest = Closed(
  { fiscalYear: Type.Integer({ minimum: 2000, maximum: 2100 }), ...Limits, reason: Reason },
  'A fiscal year with its envelopes and caps',
);
export type OpenYearRequest = Static<typeof OpenYearRequest>;

export const ReviseLimitsRequest = Closed(
  { ...Limits, reason: Reason },
  'New limits for some envelopes or caps',
);
export type ReviseLimitsRequest = Static<typeof ReviseLimitsRequest>;

export const CommitRequest = Closed(
  {
    id: Type.String({
      pattern: '^[A-Za-z0-9_-]{1,80}$',
      description: 'Chosen by the caller (e.g. the remediation funded): the same id commits once',
    }),
    envelope: Literals(ENVELOPE_KINDS, 'The envelope it is charged to'),
    amountFen: Type.Integer({ ...Fen('fen, more than 0'), minimum: 1 }),
    department: Type.String({ pattern: DEPARTMENT, description: 'The responsible department' }),
    zoneId: Type.Optional(Type.String({ pattern: ZONE, description: 'The zone of the work, e.g. NY-A' })),
    reason: Reason,
  },
  'Money committed against a fiscal year',
);
export type CommitRequest = Static<typeof CommitRequest>;

export const YearParams = Closed({ fiscalYear: Type.Integer({ minimum: 2000, maximum: 2100 }) });
export type YearParams = Static<typeof YearParams>;
export const CommitmentParams = Closed({
  fiscalYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
  id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,80}$' }),
});
export type CommitmentParams = Static<typeof CommitmentParams>;

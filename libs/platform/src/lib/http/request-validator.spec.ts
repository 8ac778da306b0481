import { Type } from '@sinclair/typebox';
import { RequestValidationError, type RequestIssue } from './request-validation.error';
import { requestValidator } from './request-validator';

const Plan = Type.Object(
  { widthM: Type.Number({ exclusiveMinimum: 0 }), lengthM: Type.Number({ exclusiveMinimum: 0 }) },
  { additionalProperties: false },
);
const Body = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    kind: Type.Union([Type.Literal('road'), Type.Literal('restroom')]),
    plan: Plan,
    tags: Type.Optional(
      Type.Array(
        Type.Object({ code: Type.String({ pattern: '^[a-z]+$' }) }, { additionalProperties: false }),
      ),
    ),
    floors: Type.Integer({ minimum: 1, default: 1 }),
  },
  { additionalProperties: false },
);
const valid = { name: 'North gate', kind: 'road', plan: { widthM: 6, lengthM: 120 } };

function issuesOf(run: () => unknown): RequestIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestValidationError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a RequestValidationError');
}

describe('requestValidator', () => {
  const body = requestValidator(Body, 'body');

  it('returns the value with defaults filled in, leaving the input untouched', () => {
    const input = { ...valid };
    expect(body(input)).toEqual({ ...valid, floors: 1 });
    expect(input).not.toHaveProperty('floors');
  });

  it('lists every bad field at once, nested ones by path', () => {
    const issues = issuesOf(() =>
      body({ name: '', kind: 'lake', plan: { widthM: -1, lengthM: 3 }, floors: 1 }),
    );
    expect(issues).toEqual([
      { location: 'body', field: 'name', value: '', reason: 'must NOT have fewer than 1 characters' },
      { location: 'body', field: 'kind', value: 'lake', reason: 'must be one of: "road", "restroom"' },
      { location: 'body', field: 'plan.widthM', value: -1, reason: 'must be > 0' },
    ]);
  });

  it('names missing and unknown fields, including inside arrays', () => {
    const issues = issuesOf(() =>
      body({
        kind: 'road',
        plan: { widthM: 1, lengthM: 1, depthM: 2 },
        tags: [{ code: 'ok' }, { code: 'X', extra: 1 }],
        admin: true,
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { location: 'body', field: 'name', reason: 'is required' },
        { location: 'body', field: 'admin', value: true, reason: 'is not a known field' },
        { location: 'body', field: 'plan.depthM', value: 2, reason: 'is not a known field' },
        { location: 'body', field: 'tags[1].extra', value: 1, reason: 'is not a known field' },
        { location: 'body', field: 'tags[1].code', value: 'X', reason: 'must match pattern "^[a-z]+$"' },
      ]),
    );
    expect(issues).toHaveLength(5);
  });

  it('refuses a query operator where a string belongs', () => {
    expect(issuesOf(() => body({ ...valid, name: { $gt: '' } }))).toEqual([
      { location: 'body', field: 'name', value: { $gt: '' }, reason: 'must be string' },
    ]);
  });

  it('does not coerce bodies: "3" is not a number', () => {
    expect(issuesOf(() => body({ ...valid, floors: '3' }))).toEqual([
      { location: 'body', field: 'floors', value: '3', reason: 'must be integer' },
    ]);
  });

  it('refuses a body that is not an object, and a missing one', () => {
    expect(issuesOf(() => body([valid]))).toEqual([
      { location: 'body', field: '(root)', value: [valid], reason: 'must be object' },
    ]);
    expect(issuesOf(() => body(undefined))).toEqual([
      { location: 'body', field: '(root)', reason: 'must be object' },
    ]);
  });

  it('shortens long values it echoes', () => {
    const [issue] = issuesOf(() => body({ ...valid, kind: 'x'.repeat(5_000) }));
    expect(String(issue.value)).toHaveLength(201);
  });

  it('coerces query and params text to the schema types', () => {
    const query = requestValidator(
      Type.Object(
        {
          page: Type.Integer({ minimum: 1, default: 1 }),
          open: Type.Optional(Type.Boolean()),
          q: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
      'query',
    );
    expect(query({ page: '3', open: 'true', q: '42' })).toEqual({ page: 3, open: true, q: '42' });
    expect(query({})).toEqual({ page: 1 });
    expect(issuesOf(() => query({ page: 'two', 'name[$gt]': '' }))).toEqual([
      { location: 'query', field: 'name[$gt]', value: '', reason: 'is not a known field' },
      { location: 'query', field: 'page', value: 'two', reason: 'must be integer' },
    ]);
    // A repeated key arrives as an array, which no scalar accepts.
    expect(issuesOf(() => query({ q: ['a', 'b'] }))).toEqual([
      { location: 'query', field: 'q', value: ['a', 'b'], reason: 'must be string' },
    ]);
  });
});

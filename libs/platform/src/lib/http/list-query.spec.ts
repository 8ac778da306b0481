import { Type } from '@sinclair/typebox';
import { listQuerySchema, pageOf, toListRequest, type ListQuery, type ListSpec } from './list-query';
import { RequestValidationError } from './request-validation.error';
import { requestValidator } from './request-validator';

const Kind = Type.Union([Type.Literal('road'), Type.Literal('restroom')]);
const spec = {
  sortable: ['name', 'code'],
  defaultSort: 'name',
  filters: { kind: Kind, siteId: Type.String({ minLength: 1 }), floor: Type.Integer() },
} as const satisfies ListSpec;
const schema = listQuerySchema(spec);
type Query = ListQuery<(typeof spec.sortable)[number], typeof spec.filters>;
const parse = requestValidator(schema, 'query');

describe('listQuerySchema and toListRequest', () => {
  it('defaults to the first page of 20 in the default order, unfiltered', () => {
    const query = parse({});
    expect(query).toEqual({ page: 1, pageSize: 20, sort: 'name' });
    expect(toListRequest(query, spec)).toEqual({
      filter: {},
      sort: { name: 1, _id: 1 },
      skip: 0,
      limit: 20,
      page: 1,
      pageSize: 20,
    });
  });

  it('pages, sorts descending with _id as the tie-breaker, and filters by equality', () => {
    const query = parse({ page: '3', pageSize: '10', sort: '-code', kind: 'road', floor: '2' });
    expect(toListRequest(query, spec)).toEqual({
      filter: { kind: 'road', floor: 2 },
      sort: { code: -1, _id: -1 },
      skip: 20,
      limit: 10,
      page: 3,
      pageSize: 10,
    });
  });

  it('refuses pages below 1, sizes above the maximum, unknown sorts, filters and operators', () => {
    const issues = (query: Record<string, unknown>) => {
      try {
        parse(query);
      } catch (error) {
        if (error instanceof RequestValidationError) return error.issues.map((i) => i.field);
      }
      return [];
    };
    expect(issues({ page: '0' })).toEqual(['page']);
    expect(issues({ pageSize: '101' })).toEqual(['pageSize']);
    expect(issues({ pageSize: '0' })).toEqual(['pageSize']);
    expect(issues({ sort: 'secret' })).toEqual(['sort']);
    expect(issues({ sort: '-_id' })).toEqual(['sort']);
    expect(issues({ owner: 'x' })).toEqual(['owner']);
    expect(issues({ 'kind[$ne]': 'road' })).toEqual(['kind[$ne]']);
    expect(issues({ kind: 'lake' })).toEqual(['kind']);
  });

  it('honours a smaller maxPageSize', () => {
    const small = listQuerySchema({ ...spec, maxPageSize: 10 });
    expect(requestValidator(small, 'query')({})).toMatchObject({ pageSize: 10 });
    expect(() => requestValidator(small, 'query')({ pageSize: '11' })).toThrow(RequestValidationError);
    expect(() => listQuerySchema({ ...spec, maxPageSize: 500 })).toThrow('maxPageSize');
  });

  it('refuses specs that would let anything but a plain value into a filter', () => {
    expect(() => listQuerySchema({ ...spec, filters: { meta: Type.Object({}) } })).toThrow(
      'Filter "meta" must be a scalar schema',
    );
    expect(() => listQuerySchema({ ...spec, filters: { page: Type.String() } })).toThrow(
      'cannot be named "page"',
    );
    expect(() => listQuerySchema({ sortable: ['name'], defaultSort: '-code' as 'name' })).toThrow(
      'not sortable',
    );
  });

  it('keeps operator objects out of the filter even when validation was skipped', () => {
    const unvalidated = { page: 1, pageSize: 20, sort: 'name', siteId: { $gt: '' } } as unknown as Query;
    expect(() => toListRequest(unvalidated, spec)).toThrow(RequestValidationError);
    const unknownFilter = { page: 1, pageSize: 20, sort: 'name', owner: 'x' } as unknown as Query;
    expect(toListRequest(unknownFilter, spec).filter).toEqual({});
  });

  it('describes a page for OpenAPI', () => {
    expect(pageOf(Type.Object({ name: Type.String() }))).toMatchObject({
      type: 'object',
      required: ['items', 'page', 'pageSize', 'total'],
      properties: { items: { type: 'array', items: { properties: { name: { type: 'string' } } } } },
      additionalProperties: false,
    });
  });
});

import { Type } from '@sinclair/typebox';
import { assertClosedObjects, assertScalarFields, isScalarSchema } from './schema-rules';

const closed = { additionalProperties: false } as const;

describe('request schema rules', () => {
  it('accepts schemas whose every object refuses unknown fields', () => {
    const schema = Type.Object(
      {
        plan: Type.Object({ widthM: Type.Number() }, closed),
        items: Type.Array(Type.Object({ code: Type.String() }, closed)),
        either: Type.Union([Type.Object({ a: Type.String() }, closed), Type.Null()]),
      },
      closed,
    );
    expect(() => assertClosedObjects(schema, 'Body')).not.toThrow();
  });

  it('names every open object, however deep', () => {
    const schema = Type.Object({
      plan: Type.Object({ widthM: Type.Number() }),
      items: Type.Array(Type.Object({ code: Type.String() })),
      ok: Type.Object({ x: Type.String() }, closed),
    });
    expect(() => assertClosedObjects(schema, 'Body')).toThrow(
      'Body schema must refuse unknown fields: add { additionalProperties: false } at (root), plan, items[]',
    );
    expect(() => assertClosedObjects(Type.String(), 'Body')).toThrow('must be an object schema');
  });

  it('allows only scalar fields in query and params', () => {
    const kind = Type.Union([Type.Literal('road'), Type.Literal('restroom')]);
    expect(() =>
      assertScalarFields(
        Type.Object({ q: Type.String(), n: Type.Integer(), b: Type.Optional(Type.Boolean()), kind }, closed),
        'Query',
      ),
    ).not.toThrow();
    expect(() =>
      assertScalarFields(
        Type.Object(
          { name: Type.Object({ $gt: Type.String() }, closed), ids: Type.Array(Type.String()) },
          closed,
        ),
        'Query',
      ),
    ).toThrow(
      'Query fields must be scalars (string, number, integer, boolean, or literals of those): name, ids',
    );
    expect(isScalarSchema(Type.Union([Type.String(), Type.Array(Type.String())]))).toBe(false);
    expect(isScalarSchema(Type.Any())).toBe(false);
  });
});

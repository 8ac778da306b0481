import { Type } from '@sinclair/typebox';
import { ValidBody, ValidParams, ValidQuery } from './valid-request.decorators';

describe('request decorators', () => {
  it('refuse, when the route is declared, a body schema that would accept unknown fields', () => {
    const declare = () => {
      class Controller {
        create(
          @ValidBody(
            Type.Object({ plan: Type.Object({ widthM: Type.Number() }) }, { additionalProperties: false }),
          )
          body: unknown,
        ) {
          return body;
        }
      }
      return Controller;
    };
    expect(declare).toThrow(
      'Body schema must refuse unknown fields: add { additionalProperties: false } at plan',
    );
  });

  it('refuse query and params schemas with objects or arrays', () => {
    expect(() =>
      ValidQuery(
        Type.Object(
          { name: Type.Object({}, { additionalProperties: false }) },
          { additionalProperties: false },
        ),
      ),
    ).toThrow('Query fields must be scalars');
    expect(() => ValidParams(Type.Object({ id: Type.String() }))).toThrow(
      'Params schema must refuse unknown fields',
    );
    expect(() =>
      ValidParams(Type.Object({ id: Type.String() }, { additionalProperties: false })),
    ).not.toThrow();
  });
});

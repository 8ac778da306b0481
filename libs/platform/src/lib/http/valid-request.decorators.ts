import type { IncomingMessage } from 'node:http';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery, DECORATORS } from '@nestjs/swagger';
import type { TSchema } from '@sinclair/typebox';
import { ApiProblem } from './api-result.decorator';
import { propertiesOf, toOpenApiSchema } from './open-api-schema';
import { RequestBodyError } from './request-body.error';
import type { RequestLocation } from './request-validation.error';
import { requestValidator, type RequestValidator } from './request-validator';
import { assertClosedObjects, assertScalarFields } from './schema-rules';

type ParsedRequest = IncomingMessage & { body?: unknown; query?: unknown; params?: unknown };

interface Rule {
  readonly location: RequestLocation;
  readonly validate: RequestValidator<TSchema>;
}

// Only rule objects pass through Nest's param metadata; the schema was compiled when the route was declared.
const validated = createParamDecorator((rule: Rule, context: ExecutionContext): unknown => {
  const request = context.switchToHttp().getRequest<ParsedRequest>();
  if (rule.location === 'body') return rule.validate(bodyOf(request));
  return rule.validate(rule.location === 'query' ? request.query : request.params);
});

function bodyOf(request: ParsedRequest): unknown {
  const declared =
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length']) > 0;
  // The JSON parser leaves other media types unread: refuse them rather than validate nothing.
  if (declared && request.body === undefined) {
    throw new RequestBodyError(415, 'unsupported-media-type', 'The request body must be application/json');
  }
  return request.body;
}

function withDocs(rule: Rule, docs: readonly MethodDecorator[]): ParameterDecorator {
  const parameter = validated(rule);
  return (target, key, index) => {
    parameter(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key === undefined || descriptor === undefined) {
      throw new Error('Request decorators belong on route handler parameters');
    }
    for (const decorate of docs) decorate(target, key, descriptor);
    // Once per route, though body, query and params may each be validated.
    const responses: unknown = Reflect.getMetadata(DECORATORS.API_RESPONSE, descriptor.value);
    if (!(typeof responses === 'object' && responses !== null && '400' in responses)) {
      ApiProblem(400, 'The request does not satisfy its schema; errors lists every bad field')(
        target,
        key,
        descriptor,
      );
    }
  };
}

/**
 * The JSON body, validated against `schema` (every object in it must have `additionalProperties:
 * false`); all bad fields are reported at once as a 400. Not coerced: `"3"` is not a number. Also
 * documents the body in OpenAPI.
 */
export function ValidBody(schema: TSchema, description?: string): ParameterDecorator {
  assertClosedObjects(schema, 'Body');
  return withDocs({ location: 'body', validate: requestValidator(schema, 'body') }, [
    ApiBody({ schema: toOpenApiSchema(schema), required: true, description }),
  ]);
}

/**
 * The query string, validated against an object schema of scalar fields and converted to their
 * types (`?page=2` → 2); defaults filled in. Documents one query parameter per property.
 */
export function ValidQuery(schema: TSchema): ParameterDecorator {
  assertScalarFields(schema, 'Query');
  return withDocs(
    { location: 'query', validate: requestValidator(schema, 'query') },
    propertiesOf(schema).map((p) => ApiQuery(p)),
  );
}

/** The path parameters, validated and converted like the query; documents each one. */
export function ValidParams(schema: TSchema): ParameterDecorator {
  assertScalarFields(schema, 'Params');
  return withDocs(
    { location: 'params', validate: requestValidator(schema, 'params') },
    propertiesOf(schema).map((p) => ApiParam({ ...p, required: true })),
  );
}

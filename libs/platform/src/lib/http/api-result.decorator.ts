import { ApiResponse } from '@nestjs/swagger';
import type { TSchema } from '@sinclair/typebox';
import { toOpenApiSchema } from './open-api-schema';
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from './problem';

/** Documents a response: its status, its body's schema and what it means. */
export function ApiResult(
  status: number,
  schema: TSchema,
  description: string,
): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description, schema: toOpenApiSchema(schema) });
}

/** Documents an error answer (application/problem+json) a route may give, e.g. `@ApiProblem(404, 'No such site')`. */
export function ApiProblem(status: number, description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({
    status,
    description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: toOpenApiSchema(ProblemSchema) } },
  });
}

/** A file answered with 200 in one of `types` (a spreadsheet, a CSV, a photo), as bytes. */
export function ApiFile(description: string, ...types: string[]): MethodDecorator & ClassDecorator {
  return ApiResponse({
    status: 200,
    description,
    content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
  });
}

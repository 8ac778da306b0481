import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from '../http/problem';
import { toOpenApiSchema } from '../http/open-api-schema';

export interface OpenApiInfo {
  readonly title: string;
  readonly description: string;
  readonly version?: string;
}

/** Where Swagger UI is served; the JSON document is at `${DOCS_PATH}-json`. */
export const DOCS_PATH = '/docs';

/**
 * Swagger UI at /docs, the OpenAPI JSON at /docs-json. OpenAPI 3.1, whose schemas are JSON Schema,
 * so the TypeBox request and response schemas go in unchanged.
 */
export function setUpOpenApi(app: INestApplication, info: OpenApiInfo): void {
  const document = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version ?? '0.0.0')
    // The scheme routes name with @ApiBearerAuth(): a JWT from the bureau's issuer (ADR 0008).
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  SwaggerModule.setup(
    DOCS_PATH.slice(1),
    app,
    () => withCommonProblems(SwaggerModule.createDocument(app, document)),
    {
      jsonDocumentUrl: `${DOCS_PATH.slice(1)}-json`,
    },
  );
}

const PROBLEM = { [PROBLEM_CONTENT_TYPE]: { schema: toOpenApiSchema(ProblemSchema) } };
const problem = (description: string) => ({ description, content: PROBLEM });
const AUTH_PROBLEMS = {
  '401': problem('No bearer token, or one that is not valid (signature, issuer, audience, time)'),
  '403': problem('The token is valid but its role or scope may not do this'),
};

/**
 * What every operation can answer by how the platform is built, said once here for all of them,
 * each with the problem's schema (an operation's own description of a status wins): 401 and 403
 * where a token is needed (the global guard); 400 where it takes parameters or a body (the
 * validation pipes); 404 where its path names something (it may not exist); 413 and 415 where it
 * takes a body (the body parsers). What only some operations answer (409, 422, 428 …) each
 * operation documents itself.
 */
export function withCommonProblems(document: OpenAPIObject): OpenAPIObject {
  for (const [route, path] of Object.entries(document.paths))
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = path[method];
      if (!operation) continue;
      const takesBody = operation.requestBody !== undefined;
      const common = {
        ...(operation.security?.length ? AUTH_PROBLEMS : {}),
        ...((takesBody || operation.parameters?.length) && {
          '400': problem('A parameter or the body is not valid: every field named with why'),
        }),
        ...(route.includes('{') && { '404': problem('Nothing by that name') }),
        ...(takesBody && {
          '413': problem('The body is larger than the limit'),
          '415': problem('The body is not of a media type this operation reads'),
        }),
      };
      operation.responses = { ...common, ...operation.responses };
    }
  return document;
}

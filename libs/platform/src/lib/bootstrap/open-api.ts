import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

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
  SwaggerModule.setup(DOCS_PATH.slice(1), app, () => SwaggerModule.createDocument(app, document), {
    jsonDocumentUrl: `${DOCS_PATH.slice(1)}-json`,
  });
}

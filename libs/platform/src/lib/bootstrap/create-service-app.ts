import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestPinoLogger } from '../logging/nest-pino-logger';
import { setUpHttpEdge } from './http-edge';
import { setUpOpenApi, type OpenApiInfo } from './open-api';

/**
 * A service's Nest app, set up but not listening: pino logging, the HTTP edge (security headers,
 * request log, JSON bodies), OpenAPI at /docs. bootstrapService starts services with it; in-process
 * tests use it too, so they exercise what production runs. The root module must import PlatformModule.
 */
export async function createServiceApp(
  appModule: Type<unknown> | DynamicModule,
  info: OpenApiInfo,
): Promise<NestExpressApplication> {
  // abortOnError false: Nest would otherwise process.abort() on a failed start, leaving no exit code to test.
  // bodyParser false: setUpHttpEdge installs the JSON parser, with the configured limit.
  const app = await NestFactory.create<NestExpressApplication>(appModule, {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  app.useLogger(app.get(NestPinoLogger));
  app.flushLogs();
  setUpHttpEdge(app);
  setUpOpenApi(app, info);
  return app;
}

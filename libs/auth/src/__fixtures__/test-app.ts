import { Module, type INestApplication, type ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { TestIssuer } from '@buqi/testing';
import { AuthModule } from '../auth.module';

export interface TestApp {
  readonly app: INestApplication;
  readonly url: string;
  close(): Promise<void>;
}

/** An in-process app with AuthModule trusting `issuer`, on a free port of 127.0.0.1. */
export async function startTestApp(
  issuer: TestIssuer,
  metadata: Pick<ModuleMetadata, 'controllers' | 'providers' | 'imports'>,
): Promise<TestApp> {
  @Module({
    imports: [
      AuthModule.forRoot({ ...issuer.env, AUTH_CLOCK_TOLERANCE: 30_000, AUDIT_RETENTION_DAYS: 365 }),
      ...(metadata.imports ?? []),
    ],
    controllers: metadata.controllers,
    providers: metadata.providers,
  })
  class TestAppModule {}

  const app = await NestFactory.create(TestAppModule, { logger: false, abortOnError: false });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, close: () => app.close() };
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

export async function call(url: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(url, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

export const bearer = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });

import type { ServerResponse } from 'node:http';
import {
  Controller,
  Get,
  HttpException,
  Module,
  Post,
  UnauthorizedException,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
  type INestApplication,
} from '@nestjs/common';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import { Type, type Static } from '@sinclair/typebox';
import mongoose, { Schema, type Model } from 'mongoose';
import {
  defineConfig,
  httpConfig,
  loadConfig,
  mongoConfig,
  redisConfig,
  telemetryConfig,
} from '@buqi/config';
import { ConflictError, DomainValidationError, NotFoundError } from '@buqi/domain-kernel';
import { dropTestDatabase, testEngines, uniqueDatabaseName, waitFor } from '@buqi/testing';
import { createServiceApp } from '../bootstrap/create-service-app';
import { PlatformModule } from '../platform.module';
import { ApiResult } from './api-result.decorator';
import { listQuerySchema, pageOf, toListRequest, type ListSpec } from './list-query';
import { ValidBody, ValidParams, ValidQuery } from './valid-request.decorators';

const closed = { additionalProperties: false } as const;
const Plan = Type.Object(
  { widthM: Type.Number({ exclusiveMinimum: 0 }), lengthM: Type.Number({ exclusiveMinimum: 0 }) },
  closed,
);
const CreateSite = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80, description: 'Display name' }),
    code: Type.String({ pattern: '^[A-Z]{2}-[0-9]{3}$' }),
    plan: Plan,
    note: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  closed,
);
const SiteId = Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }) }, closed);
const Site = Type.Object({ name: Type.String(), code: Type.String() }, closed);
const listSpec = {
  sortable: ['name', 'code'],
  defaultSort: 'name',
  filters: { kind: Type.Union([Type.Literal('road'), Type.Literal('restroom')]), name: Type.String() },
} as const satisfies ListSpec;
const ListSites = listQuerySchema(listSpec);

interface Probe {
  _id: string;
  n?: number;
}

@Controller('sites')
class SitesProbeController {
  constructor(@InjectModel('HttpProbe') private readonly probes: Model<Probe>) {}

  @Post()
  @ApiResult(201, CreateSite, 'The site as received')
  create(@ValidBody(CreateSite) body: Static<typeof CreateSite>) {
    return body;
  }

  @Get()
  @ApiResult(200, pageOf(Site), 'A page of sites')
  list(@ValidQuery(ListSites) query: Static<typeof ListSites>) {
    return toListRequest(query, listSpec);
  }

  @Get(':id')
  get(@ValidParams(SiteId) { id }: Static<typeof SiteId>) {
    if (id === 'missing') throw new NotFoundError('site', id);
    if (id === 'taken')
      throw new ConflictError('site-exists', 'A site with this code exists', { code: 'NG-001' });
    if (id === 'invalid') throw new DomainValidationError('widthM', -1, 'must be positive');
    if (id === 'boom')
      throw new Error('cannot reach mongodb://admin:hunter2@db-7.internal/ (pool exhausted)');
    return { id };
  }

  @Post(':id/twice')
  async insertTwice(@ValidParams(SiteId) { id }: Static<typeof SiteId>) {
    await this.probes.create({ _id: id });
    await this.probes.create({ _id: id });
  }

  /** A read from a database nothing answers for (no server on 127.0.0.1:9), through Mongoose. */
  @Get(':id/unreachable')
  async unreachable(@ValidParams(SiteId) { id }: Static<typeof SiteId>) {
    const elsewhere = mongoose.createConnection('mongodb://127.0.0.1:9/unreachable', {
      serverSelectionTimeoutMS: 300,
    });
    elsewhere.on('error', () => undefined);
    try {
      const model = elsewhere.model('Unreachable', new Schema({ _id: String }, { bufferTimeoutMS: 500 }));
      return await model.findById(id).lean().exec();
    } finally {
      await elsewhere.close().catch(() => undefined);
    }
  }

  @Get(':id/by-number')
  byNumber(@ValidParams(SiteId) { id }: Static<typeof SiteId>) {
    return this.probes.find({ n: id }).lean().exec();
  }
}

/** What the auth guards do: set the challenge or back-off header, then throw. */
class ChallengeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    context.switchToHttp().getResponse<ServerResponse>().setHeader('WWW-Authenticate', 'Bearer realm="buqi"');
    throw new UnauthorizedException('A bearer token is required');
  }
}
class LimitGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    context.switchToHttp().getResponse<ServerResponse>().setHeader('Retry-After', '30');
    throw new HttpException('Too many attempts; try again later', 429);
  }
}

@Controller('guarded')
class GuardedProbeController {
  @Get('token')
  @UseGuards(ChallengeGuard)
  token() {
    return 'unreachable';
  }

  @Get('limited')
  @UseGuards(LimitGuard)
  limited() {
    return 'unreachable';
  }
}

const engines = testEngines();
const database = uniqueDatabaseName('platform_http');
const spec = defineConfig({
  ...mongoConfig(database),
  ...redisConfig,
  ...httpConfig(3999),
  ...telemetryConfig,
});
const lines: string[] = [];
const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'platform-http-test',
      config: loadConfig(spec, {
        MONGO_URL: engines.MONGO_URL,
        REDIS_URL: engines.REDIS_URL,
        LOG_LEVEL: 'debug',
        HTTP_BODY_LIMIT: '1kb',
      }),
      logDestination: { write: (line: string) => void lines.push(line) },
    }),
    MongooseModule.forFeature([{ name: 'HttpProbe', schema: new Schema({ _id: String, n: Number }) }]),
  ],
  controllers: [SitesProbeController, GuardedProbeController],
})
class HttpProbeModule {}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown>;
}

const validSite = { name: 'North gate', code: 'NG-001', plan: { widthM: 6, lengthM: 120 } };

describe('the HTTP edge (createServiceApp + PlatformModule)', () => {
  let app: INestApplication;
  let base: string;

  const call = async (path: string, init: RequestInit & { json?: unknown } = {}): Promise<Answer> => {
    const { json, ...rest } = init;
    const response = await fetch(`${base}${path}`, {
      ...rest,
      ...(json === undefined
        ? {}
        : {
            method: rest.method ?? 'POST',
            body: JSON.stringify(json),
            headers: { 'content-type': 'application/json', ...rest.headers },
          }),
    });
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Not JSON (Swagger UI, assets).
    }
    return { status: response.status, headers: response.headers, text, body };
  };

  /** Checks the RFC 9457 envelope and returns the body. */
  const expectProblem = (answer: Answer, status: number, code: string) => {
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(answer.body).toMatchObject({
      type: `urn:buqi:problem:${code}`,
      title: expect.any(String),
      status,
      detail: expect.any(String),
      instance: expect.stringMatching(/^\//),
      code,
      correlationId: answer.headers.get('x-correlation-id'),
    });
    return answer.body;
  };

  beforeAll(async () => {
    app = await createServiceApp(HttpProbeModule, { title: 'HTTP probe', description: 'platform test' });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
    await dropTestDatabase(engines.MONGO_URL, database);
  });

  describe('request validation', () => {
    it('answers a body with three bad fields with one 400 listing all three', async () => {
      const answer = await call('/sites', {
        json: { name: '', code: 'north', plan: { widthM: 0, lengthM: 120 } },
      });
      expect(expectProblem(answer, 400, 'invalid-request')).toMatchObject({
        instance: '/sites',
        detail: '3 fields are invalid',
        errors: [
          { location: 'body', field: 'name', value: '', reason: 'must NOT have fewer than 1 characters' },
          {
            location: 'body',
            field: 'code',
            value: 'north',
            reason: 'must match pattern "^[A-Z]{2}-[0-9]{3}$"',
          },
          { location: 'body', field: 'plan.widthM', value: 0, reason: 'must be > 0' },
        ],
      });
    });

    it('names an unknown field', async () => {
      const answer = await call('/sites', {
        json: { ...validSite, plan: { ...validSite.plan, depthM: 2 }, owner: 'me' },
      });
      expect(expectProblem(answer, 400, 'invalid-request')['errors']).toEqual([
        { location: 'body', field: 'owner', value: 'me', reason: 'is not a known field' },
        { location: 'body', field: 'plan.depthM', value: 2, reason: 'is not a known field' },
      ]);
    });

    it('accepts a valid body', async () => {
      const answer = await call('/sites', { json: validSite });
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual(validSite);
    });

    it('refuses a query operator in the body', async () => {
      const answer = await call('/sites', { json: { ...validSite, name: { $gt: '' } } });
      expect(expectProblem(answer, 400, 'invalid-request')['errors']).toEqual([
        { location: 'body', field: 'name', value: { $gt: '' }, reason: 'must be string' },
      ]);
    });

    it('takes ?name[$gt]= as a literal, unknown field, never an operator', async () => {
      const answer = await call('/sites?name[$gt]=');
      expect(expectProblem(answer, 400, 'invalid-request')['errors']).toEqual([
        { location: 'query', field: 'name[$gt]', value: '', reason: 'is not a known field' },
      ]);
      const repeated = await call('/sites?name=a&name=b');
      expect(expectProblem(repeated, 400, 'invalid-request')['errors']).toEqual([
        { location: 'query', field: 'name', value: ['a', 'b'], reason: 'must be string' },
      ]);
    });

    it('converts query strings to their types, with defaults', async () => {
      expect((await call('/sites?page=2&pageSize=5&sort=-code&kind=road')).body).toEqual({
        filter: { kind: 'road' },
        sort: { code: -1, _id: -1 },
        skip: 5,
        limit: 5,
        page: 2,
        pageSize: 5,
      });
      expect((await call('/sites')).body).toMatchObject({ page: 1, pageSize: 20, sort: { name: 1, _id: 1 } });
      const bad = await call('/sites?page=0&pageSize=500&sort=secret');
      expect(
        (expectProblem(bad, 400, 'invalid-request')['errors'] as { field: string }[]).map((e) => e.field),
      ).toEqual(['page', 'pageSize', 'sort']);
    });

    it('validates path parameters', async () => {
      expect((await call('/sites/north-gate')).body).toEqual({ id: 'north-gate' });
      const bad = await call('/sites/NOT_VALID');
      expect(expectProblem(bad, 400, 'invalid-request')['errors']).toEqual([
        {
          location: 'params',
          field: 'id',
          value: 'NOT_VALID',
          reason: 'must match pattern "^[a-z0-9-]{1,40}$"',
        },
      ]);
    });
  });

  describe('errors', () => {
    it('maps domain errors: 422, 404, 409 with its code and details', async () => {
      expect(expectProblem(await call('/sites/invalid'), 422, 'invalid-value')).toMatchObject({
        errors: [{ field: 'widthM', value: -1, reason: 'must be positive' }],
      });
      expect(expectProblem(await call('/sites/missing'), 404, 'not-found')).toMatchObject({
        detail: 'site "missing" does not exist',
        instance: '/sites/missing',
      });
      expect(expectProblem(await call('/sites/taken'), 409, 'site-exists')).toMatchObject({
        detail: 'A site with this code exists',
        details: { code: 'NG-001' },
      });
    });

    it('answers a duplicate key from the store with 409 duplicate', async () => {
      const answer = await call('/sites/dup-1/twice', { method: 'POST' });
      expectProblem(answer, 409, 'duplicate');
      expect(answer.text).not.toContain('E11000');
    });

    it('answers a value the store cannot cast with 400', async () => {
      expect(expectProblem(await call('/sites/abc/by-number'), 400, 'invalid-request')['errors']).toEqual([
        { field: 'n', value: 'abc', reason: 'is not a valid Number' },
      ]);
    });

    it('answers malformed JSON with 400, an oversize body with 413, other media types with 415', async () => {
      const headers = { 'content-type': 'application/json' };
      expectProblem(
        await call('/sites', { method: 'POST', headers, body: '{"name": "x",' }),
        400,
        'malformed-json',
      );
      const oversize = { ...validSite, note: 'x'.repeat(2_000) };
      expect(
        expectProblem(await call('/sites', { json: oversize }), 413, 'payload-too-large')['detail'],
      ).toBe('The request body is larger than the limit of 1024 bytes');
      expectProblem(
        await call('/sites', {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: 'North gate',
        }),
        415,
        'unsupported-media-type',
      );
      expectProblem(
        await call('/sites', {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=latin7' },
          body: '{}',
        }),
        415,
        'unsupported-media-type',
      );
      expectProblem(
        await call('/sites', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'name[$gt]=',
        }),
        415,
        'unsupported-media-type',
      );
    });

    it('keeps the caller correlation id on an answer the body parser gave', async () => {
      const answer = await call('/sites', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-correlation-id': 'req-malformed-1' },
        body: '{',
      });
      expect(expectProblem(answer, 400, 'malformed-json')['correlationId']).toBe('req-malformed-1');
    });

    it('answers an unknown route with a 404 problem', async () => {
      expect(expectProblem(await call('/no/such/route'), 404, 'not-found')).toMatchObject({
        detail: 'Cannot GET /no/such/route',
        instance: '/no/such/route',
      });
    });

    it('answers a fault with a generic 500 and logs the error', async () => {
      const answer = await call('/sites/boom', { headers: { 'x-correlation-id': 'req-boom-1' } });
      expect(expectProblem(answer, 500, 'internal-error')['detail']).toBe(
        'The service could not handle the request. Quote the correlation id when reporting this.',
      );
      expect(answer.text).not.toMatch(/hunter2|mongodb|pool|stack|\.ts/);
      const logged = await waitFor('the fault in the log', () =>
        records().find((r) => r['msg'] === 'request failed' && r['correlation_id'] === 'req-boom-1'),
      );
      expect(logged).toMatchObject({
        level: 'error',
        method: 'GET',
        path: '/sites/boom',
        err: { message: expect.stringContaining('pool exhausted'), stack: expect.any(String) },
      });
      expect(JSON.stringify(logged)).not.toContain('hunter2');
    });

    it('answers a database it cannot reach with 503 and Retry-After, and logs it', async () => {
      const answer = await call('/sites/s-1/unreachable', { headers: { 'x-correlation-id': 'req-db-1' } });
      expectProblem(answer, 503, 'database-unavailable');
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(answer.text).not.toMatch(/127\.0\.0\.1|mongodb|stack/);
      await waitFor('the fault in the log', () =>
        records().find((r) => r['msg'] === 'request failed' && r['correlation_id'] === 'req-db-1'),
      );
    });

    it('keeps the headers guards set: WWW-Authenticate on 401, Retry-After on 429', async () => {
      const unauthorized = await call('/guarded/token');
      expect(expectProblem(unauthorized, 401, 'unauthorized')['detail']).toBe('A bearer token is required');
      expect(unauthorized.headers.get('www-authenticate')).toBe('Bearer realm="buqi"');
      const limited = await call('/guarded/limited');
      expect(expectProblem(limited, 429, 'too-many-requests')['detail']).toBe(
        'Too many attempts; try again later',
      );
      expect(limited.headers.get('retry-after')).toBe('30');
    });
  });

  describe('headers and docs', () => {
    it('sets security headers and no-store on answers and errors alike', async () => {
      for (const answer of [
        await call('/sites/north-gate'),
        await call('/sites/missing'),
        await call('/nope'),
      ]) {
        expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
        expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
        expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
        expect(answer.headers.get('cache-control')).toBe('no-store');
        expect(answer.headers.get('x-powered-by')).toBeNull();
      }
    });

    it('serves Swagger UI and its assets, which the CSP allows', async () => {
      const page = await call('/docs');
      expect(page.status).toBe(200);
      const csp = Object.fromEntries(
        (page.headers.get('content-security-policy') ?? '').split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values];
        }),
      );
      expect(csp['upgrade-insecure-requests']).toBeUndefined();
      const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      const styles = [...page.text.matchAll(/<link[^>]*rel=['"]stylesheet['"][^>]*>/g)];
      expect(scripts.length).toBeGreaterThanOrEqual(3);
      expect(styles.length).toBeGreaterThanOrEqual(1);
      // script-src 'self' without 'unsafe-inline': every script must be a same-origin file.
      expect(csp['script-src']).toEqual(["'self'"]);
      for (const [, attributes, inline] of scripts) {
        expect(inline.trim()).toBe('');
        expect(attributes).toMatch(/src=['"](\.\/docs\/|\/docs\/)[\w.-]+\.js['"]/);
      }
      // The page has inline <style> blocks and data: images.
      expect(csp['style-src']).toEqual(expect.arrayContaining(["'self'", "'unsafe-inline'"]));
      expect(csp['img-src']).toEqual(expect.arrayContaining(["'self'", 'data:']));
      const assets = [
        ...scripts.map(([, attributes]) => /src=['"]([^'"]+)['"]/.exec(attributes)?.[1]),
        ...styles.map(([tag]) => /href=['"]([^'"]+)['"]/.exec(tag)?.[1]),
      ];
      for (const asset of assets) {
        const response = await fetch(new URL(asset ?? '', `${base}/docs`));
        expect([asset, response.status]).toEqual([asset, 200]);
        expect(response.headers.get('content-type')).toMatch(/javascript|css/);
        await response.arrayBuffer();
      }
    });

    it('documents the TypeBox schemas in /docs-json', async () => {
      const { body: doc } = await call('/docs-json');
      expect(doc['openapi']).toBe('3.1.0');
      const paths = doc['paths'] as Record<string, Record<string, Record<string, unknown>>>;
      const create = paths['/sites']['post'];
      expect(create['requestBody']).toEqual({
        required: true,
        content: { 'application/json': { schema: JSON.parse(JSON.stringify(CreateSite)) } },
      });
      expect(create['responses']).toMatchObject({
        '201': {
          content: {
            'application/json': { schema: { properties: { plan: { additionalProperties: false } } } },
          },
        },
        '400': {
          content: { 'application/problem+json': { schema: { properties: { type: { type: 'string' } } } } },
        },
      });
      const parameters = paths['/sites']['get']['parameters'] as Record<string, unknown>[];
      expect(parameters.map((p) => [p['name'], p['in'], p['required']])).toEqual([
        ['page', 'query', false],
        ['pageSize', 'query', false],
        ['sort', 'query', false],
        ['kind', 'query', false],
        ['name', 'query', false],
      ]);
      expect(parameters.find((p) => p['name'] === 'pageSize')?.['schema']).toEqual({
        type: 'integer',
        minimum: 1,
        maximum: 100,
        default: 20,
        description: 'Items per page',
      });
      expect(paths['/sites']['get']['responses']).toMatchObject({
        '200': {
          content: { 'application/json': { schema: { properties: { total: { type: 'integer' } } } } },
        },
      });
      expect(paths['/sites/{id}']['get']['parameters']).toEqual([
        { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' } },
      ]);
    });
  });

  describe('request log', () => {
    it('writes one line per request with method, path, status, duration, correlation id', async () => {
      await call('/sites?page=1&name=in-query', {
        headers: {
          authorization: 'Bearer secret-token-1',
          cookie: 'session=cookie-secret-1',
          'x-correlation-id': 'req-log-1',
        },
      });
      await call('/health/live', { headers: { 'x-correlation-id': 'req-log-2' } });
      const mine = await waitFor('both request lines', () => {
        const found = records().filter(
          (r) => r['correlation_id'] === 'req-log-1' || r['correlation_id'] === 'req-log-2',
        );
        return found.length >= 2 ? found : undefined;
      });
      expect(mine).toEqual([
        expect.objectContaining({
          level: 'info',
          msg: 'GET /sites 200',
          method: 'GET',
          path: '/sites',
          status: 200,
          durationMs: expect.any(Number),
          correlation_id: 'req-log-1',
        }),
        expect.objectContaining({
          level: 'debug',
          path: '/health/live',
          status: 200,
          correlation_id: 'req-log-2',
        }),
      ]);
      expect(lines.join('\n')).not.toMatch(/secret-token-1|cookie-secret-1|in-query/);
    });

    it('logs a 4xx at info and a fault at error', async () => {
      await call('/sites/missing', { headers: { 'x-correlation-id': 'req-log-3' } });
      await call('/sites/boom', { headers: { 'x-correlation-id': 'req-log-4' } });
      const levels = await waitFor('the request lines', () => {
        const found = records().filter(
          (r) => typeof r['status'] === 'number' && String(r['correlation_id']).startsWith('req-log-'),
        );
        const byId = Object.fromEntries(found.map((r) => [r['correlation_id'], r['level']]));
        return byId['req-log-3'] && byId['req-log-4'] ? byId : undefined;
      });
      expect(levels).toMatchObject({ 'req-log-3': 'info', 'req-log-4': 'error' });
    });
  });
});

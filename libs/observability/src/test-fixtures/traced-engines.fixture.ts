// Run by instrumentations.int-spec.ts in a plain Node process (Jest's module loader bypasses the
// require hooks instrumentations rely on). Prints the finished spans as one JSON line.
import { exporter, telemetry } from './telemetry.fixture';
import { createServer, request } from 'node:http';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { defineConfig, loadConfig, str, url } from '@buqi/config';
import { tracer } from '../lib/telemetry';

const config = loadConfig(
  defineConfig({
    MONGO_URL: url({ description: 'MongoDB URL', protocols: ['mongodb'] }),
    MONGO_DB: str({ description: 'Scratch database, dropped at the end' }),
    REDIS_URL: url({ description: 'Redis URL', protocols: ['redis'] }),
  }),
);

async function httpRoundTrip(): Promise<void> {
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/ping' }, (res) => res.resume().on('end', resolve))
      .on('error', reject)
      .end();
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

async function main(): Promise<void> {
  const connection = await mongoose
    .createConnection(config.MONGO_URL, { dbName: config.MONGO_DB })
    .asPromise();
  const redis = new Redis(config.REDIS_URL);
  const Probe = connection.model('Probe', new mongoose.Schema({ name: String }));

  const traceId = await tracer('fixture').startActiveSpan('parent', async (span) => {
    await Probe.create({ name: 'p' });
    await Probe.findOne({ name: 'p' }).lean();
    await redis.set('buqi:fixture:probe', '1', 'EX', 10);
    await httpRoundTrip();
    span.end();
    return span.spanContext().traceId;
  });

  await connection.dropDatabase();
  await connection.close();
  redis.disconnect();
  const spans = exporter.getFinishedSpans().map((s) => ({
    name: s.name,
    scope: s.instrumentationScope.name,
    traceId: s.spanContext().traceId,
  }));
  process.stdout.write(`${JSON.stringify({ traceId, spans })}\n`);
  await telemetry.shutdown();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});

// MODE=schedule adds a delayed echo job (twice, same jobId) and exits; MODE=work runs a worker
// that records each firing in Redis and prints it.
import { Redis } from 'ioredis';
import { JobQueue } from '../job-queue';
import { startJobWorker } from '../job-worker';
import { JobName, QueueName } from '../queues';

async function main(): Promise<void> {
  const redis = new Redis(process.env['REDIS_URL'] ?? '', { maxRetriesPerRequest: null });
  const prefix = process.env['PREFIX'] ?? 'buqi-test';
  const token = process.env['TOKEN'] ?? 'token';
  if (process.env['MODE'] === 'schedule') {
    const q = new JobQueue(QueueName.Diagnostics, redis, prefix);
    const delayMs = Number(process.env['DELAY_MS'] ?? '1500');
    await redis.set(`${prefix}:test:${token}:scheduledAt`, String(Date.now()));
    for (let i = 0; i < 2; i++) await q.add(JobName.Echo, { token }, { jobId: `echo-${token}`, delayMs });
    console.log('scheduled');
    await q.close();
    redis.disconnect();
    return;
  }
  const worker = startJobWorker(
    QueueName.Diagnostics,
    redis,
    {
      [JobName.Echo]: async (data) => {
        await redis.rpush(`${prefix}:test:${data.token}:fired`, `${process.pid}:${Date.now()}`);
        console.log(`fired ${data.token}`);
      },
    },
    { prefix },
  );
  await worker.waitUntilReady();
  console.log('worker ready');
  process.once('SIGTERM', () => void worker.close().then(() => process.exit(0)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

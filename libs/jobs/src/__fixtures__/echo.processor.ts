// The worker process's processor: records each firing in MongoDB (on purpose not idempotent, so a
// second run shows), and for a gated job waits until the test opens the gate.
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { JobProcessor, type JobContext } from '../job-processor.decorator';
import { ProbeQueue } from './probe.queues';

export interface Firing {
  token: string;
  jobId: string;
  pid: number;
  at: number;
  finishedAt?: number;
}

@Injectable()
export class EchoProcessor {
  constructor(@InjectConnection() private readonly conn: Connection) {}

  @JobProcessor(ProbeQueue, 'echo')
  async echo({ token, gated }: { token: string; gated?: boolean }, job: JobContext<'echo'>): Promise<void> {
    const firings = this.conn.collection<Firing>('firings');
    const { insertedId } = await firings.insertOne({
      token,
      jobId: job.id,
      pid: process.pid,
      at: Date.now(),
    });
    while (gated && !(await this.conn.collection<{ _id: string }>('gates').findOne({ _id: token }))) {
      await sleep(50);
    }
    await firings.updateOne({ _id: insertedId }, { $set: { finishedAt: Date.now() } });
  }
}

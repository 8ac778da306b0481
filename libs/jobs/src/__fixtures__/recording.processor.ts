// In-process processors that remember every call, with the trace and correlation each ran in.
import { Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { correlation } from '@buqi/observability';
import { JobProcessor, type JobContext } from '../job-processor.decorator';
import { AuditQueue, ProbeQueue } from './probe.queues';

export interface Call {
  readonly processor: string;
  readonly data: object;
  readonly job: JobContext;
  readonly traceId?: string;
  readonly correlationId?: string;
}

@Injectable()
export class RecordingProcessor {
  readonly calls: Call[] = [];

  @JobProcessor(ProbeQueue, 'echo')
  async echo(data: { token: string }, job: JobContext<'echo'>): Promise<void> {
    this.record('probes echo', data, job);
  }

  @JobProcessor(ProbeQueue, 'fail')
  async fail(data: { token: string }, job: JobContext<'fail'>): Promise<void> {
    this.record('probes fail', data, job);
    throw new Error(`${data.token} fails on purpose`);
  }

  @JobProcessor(AuditQueue, 'echo')
  async audit(data: { token: string }, job: JobContext<'echo'>): Promise<void> {
    this.record('audit echo', data, job);
  }

  callsFor(token: string): Call[] {
    return this.calls.filter((c) => (c.data as { token?: string }).token === token);
  }

  private record(processor: string, data: object, job: JobContext): void {
    this.calls.push({
      processor,
      data,
      job,
      traceId: trace.getActiveSpan()?.spanContext().traceId,
      correlationId: correlation.current(),
    });
  }
}

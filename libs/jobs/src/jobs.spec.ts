import { assertJobId } from './job-queue';
import { QueueName } from './queues';

describe('jobs', () => {
  it.each(['wo:1', '', 'x'.repeat(201), 'wo 1'])('refuses jobId %j with a message naming it', (jobId) => {
    expect(() => assertJobId(jobId)).toThrow(`jobId "${jobId}" must be`);
  });

  it('accepts ids made of the safe alphabet', () => {
    expect(() => assertJobId('escalation-wo-2026-000131.step-2')).not.toThrow();
  });

  it('keeps queue names stable (jobs waiting in Redis are found by them)', () => {
    expect(QueueName.WorkOrderEscalation).toBe('workorder-escalation');
    expect(QueueName.Diagnostics).toBe('diagnostics');
  });
});

import { assertJobId } from './job-id';
import { defineQueue } from './queue-definition';

describe('job ids and queue names', () => {
  it.each(['wo:1', '', 'x'.repeat(201), 'wo 1'])('refuses jobId %j with a message naming it', (jobId) => {
    expect(() => assertJobId(jobId)).toThrow(`jobId "${jobId}" must be`);
  });

  it('accepts ids made of the safe alphabet', () => {
    expect(() => assertJobId('escalation-wo-2026-000131.step-2')).not.toThrow();
  });

  it("refuses a queue name with BullMQ's key separator", () => {
    expect(() => defineQueue<{ a: { id: string } }>('work:orders')).toThrow(
      'queue name "work:orders" must be',
    );
  });
});

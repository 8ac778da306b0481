import { EscalationQueue, JobName, QueueName } from './queues';

describe('production queues', () => {
  it('keeps queue and job names stable (jobs waiting in Redis are found by them)', () => {
    expect({ ...QueueName }).toEqual({ WorkOrderEscalation: 'workorder-escalation' });
    expect({ ...JobName }).toEqual({ EscalationStepDue: 'escalation-step-due' });
    expect(EscalationQueue.name).toBe('workorder-escalation');
  });
});

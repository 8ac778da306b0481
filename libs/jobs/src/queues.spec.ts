import { EscalationQueue, JobName, QueueName } from './queues';

describe('production queues', () => {
  it('keeps queue and job names stable (jobs waiting in Redis are found by them)', () => {
    expect({ ...QueueName }).toEqual({
      WorkOrderEscalation: 'workorder-escalation',
      ShortfallSweeps: 'asset-shortfall-sweeps',
      Telemetry: 'asset-telemetry',
      InvestmentPlans: 'budget-investment-plans',
      Notifications: 'workorder-notifications',
    });
    expect({ ...JobName }).toEqual({
      EscalationStepDue: 'escalation-step-due',
      CoverageSweep: 'coverage-sweep',
      DeviceHeartbeatSweep: 'device-heartbeat-sweep',
      ReadingsRetention: 'readings-retention',
      UntoldInspections: 'untold-inspections',
      SolvePlan: 'solve-plan',
      PlanFundingSweep: 'plan-funding-sweep',
      DeliverNotification: 'deliver-notification',
    });
    expect(EscalationQueue.name).toBe('workorder-escalation');
  });
});

import { defineQueue } from './queue-definition';

/**
 * Queue names and job names. DO NOT RENAME OR REMOVE A VALUE: jobs already waiting in Redis
 * (delayed escalations can wait for days) are found by these strings; a renamed queue or job strands
 * them. Test queues are declared in the tests, never here.
 */
export enum QueueName {
  WorkOrderEscalation = 'workorder-escalation',
  ShortfallSweeps = 'asset-shortfall-sweeps',
  Telemetry = 'asset-telemetry',
  InvestmentPlans = 'budget-investment-plans',
  Notifications = 'workorder-notifications',
}

export enum JobName {
  EscalationStepDue = 'escalation-step-due',
  CoverageSweep = 'coverage-sweep',
  DeviceHeartbeatSweep = 'device-heartbeat-sweep',
  ReadingsRetention = 'readings-retention',
  UntoldInspections = 'untold-inspections',
  SolvePlan = 'solve-plan',
  PlanFundingSweep = 'plan-funding-sweep',
  DeliverNotification = 'deliver-notification',
}

/** Ids only: the processor reloads the work order and returns early when the step is done. */
export const EscalationQueue = defineQueue<{
  [JobName.EscalationStepDue]: { workOrderId: string; step: number };
}>(QueueName.WorkOrderEscalation);

/**
 * asset-inventory's sweeps that keep shortfalls true: every restroom checked for the monitoring it
 * must have; inspections a crash left untold to the shortfall rules told again.
 */
export const ShortfallSweepQueue = defineQueue<{
  [JobName.CoverageSweep]: Record<string, never>;
  [JobName.UntoldInspections]: Record<string, never>;
}>(QueueName.ShortfallSweeps);

/** asset-inventory: devices' heartbeats and condition checked, and raw readings past their retention deleted. */
export const TelemetryQueue = defineQueue<{
  [JobName.DeviceHeartbeatSweep]: Record<string, never>;
  [JobName.ReadingsRetention]: Record<string, never>;
}>(QueueName.Telemetry);

/**
 * budget-allocation's investment plans: a plan solved off the request (progress on the plan itself),
 * and the sweep that finishes approvals and revisions a crash interrupted.
 */
export const PlanQueue = defineQueue<{
  [JobName.SolvePlan]: { planId: string };
  [JobName.PlanFundingSweep]: Record<string, never>;
}>(QueueName.InvestmentPlans);

/**
 * work-orders' notifications: one job per delivery (one notification to one recipient by one
 * channel), its id derived from the delivery's; the processor reloads the delivery and returns early
 * when it is no longer pending.
 */
export const NotificationQueue = defineQueue<{
  [JobName.DeliverNotification]: { deliveryId: string };
}>(QueueName.Notifications);

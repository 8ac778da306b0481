/**
 * Queue names and job names. DO NOT RENAME OR REMOVE A VALUE: jobs already waiting in Redis
 * (delayed escalations can wait for days) are found by these strings; a renamed queue strands them.
 */
export enum QueueName {
  WorkOrderEscalation = 'workorder-escalation',
  /** Used by the platform's own checks and tests. */
  Diagnostics = 'diagnostics',
}

export enum JobName {
  EscalationStepDue = 'escalation-step-due',
  Echo = 'echo',
}

/** Data of each job: ids only; the state stays in the database and is reloaded by the processor. */
export interface JobDataMap {
  [JobName.EscalationStepDue]: { workOrderId: string; step: number };
  [JobName.Echo]: { token: string };
}

export interface JobMeta {
  /** W3C trace context and correlation id of the work that scheduled the job. */
  carrier: Record<string, string>;
}

export type JobPayload<N extends JobName> = JobDataMap[N] & { _meta?: JobMeta };

import { defineQueue } from './queue-definition';

/**
 * Queue names and job names. DO NOT RENAME OR REMOVE A VALUE: jobs already waiting in Redis
 * (delayed escalations can wait for days) are found by these strings; a renamed queue or job strands
 * them. Test queues are declared in the tests, never here.
 */
export enum QueueName {
  WorkOrderEscalation = 'workorder-escalation',
}

export enum JobName {
  EscalationStepDue = 'escalation-step-due',
}

/** Ids only: the processor reloads the work order and returns early when the step is done. */
export const EscalationQueue = defineQueue<{
  [JobName.EscalationStepDue]: { workOrderId: string; step: number };
}>(QueueName.WorkOrderEscalation);

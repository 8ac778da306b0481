export type {
  Holiday,
  IsoWeekday,
  MakeUpWorkday,
  WorkingCalendarData,
  WorkingInterval,
} from './calendar-data';
export { WorkingCalendar, workingCalendar, type DayStatus } from './calendar';
export { CHINA_MAINLAND_2026 } from './china-2026';
export {
  addWorkingDays,
  addWorkingTime,
  describeDay,
  endOfWorkingDay,
  isWorkingDay,
  isWorkingTime,
  workingMinutesBetween,
} from './working-time';
export {
  DEFAULT_SLA_POLICY,
  PRIORITIES,
  checkPolicy,
  type DueRule,
  type Priority,
  type PriorityPolicy,
  type SlaClock,
  type SlaPolicy,
} from './policy';
export { mergeHolds, type CountedHold, type HoldInterval } from './holds';
export {
  slaDueTimes,
  type DueTime,
  type DueTimes,
  type Factors,
  type ResolutionDueTime,
  type SlaOrder,
} from './due-times';
export {
  DEFAULT_ESCALATION_LADDER,
  escalationsDue,
  type EscalationCheck,
  type EscalationStep,
  type EscalationTrigger,
  type StepState,
  type StepStatus,
  type WorkOrderHistory,
} from './escalation';

export type {
  CalendarYear,
  Holiday,
  IsoWeekday,
  MakeUpWorkday,
  NamedDate,
  WorkingCalendarData,
  WorkingInterval,
  WorkingWeek,
} from './calendar-data';
export {
  MAX_CALENDAR_YEAR_ENTRIES,
  WorkingCalendar,
  calendarYearOf,
  calendarYearProblems,
  workingCalendar,
  workingCalendarOfYears,
  type DayStatus,
} from './calendar';
export { CHINA_MAINLAND_2026, CHINA_MAINLAND_OFFICE_WEEK } from './china-2026';
export {
  addWorkingDays,
  addWorkingTime,
  describeDay,
  endOfWorkingDay,
  isWorkingDay,
  isWorkingTime,
  provisionalYears,
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

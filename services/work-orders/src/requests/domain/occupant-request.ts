/** What an occupant may report, and the work it becomes: task type and priority, as data. */
export const CATEGORIES = {
  leak: { taskType: 'plumbing-repair', priority: 'P2', title: '漏水' },
  odour: { taskType: 'odour-remediation', priority: 'P2', title: '异味' },
  broken: { taskType: 'fixture-replacement', priority: 'P3', title: '设施损坏' },
  dirty: { taskType: 'cleaning', priority: 'P3', title: '卫生不洁' },
  pothole: { taskType: 'pothole-patch', priority: 'P3', title: '路面坑槽' },
  other: { taskType: 'general-repair', priority: 'P3', title: '其他问题' },
} as const;
export type Category = keyof typeof CATEGORIES;

/** A phone number as anyone but the calling-back supervisor sees it: 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** What the reporter sees of the order's course: states and times, never names or notes. */
export interface PublicStep {
  readonly what: string;
  readonly at: string;
}

const SAYS: Readonly<Record<string, string>> = {
  create: 'received',
  assign: 'assigned to a crew',
  start: 'work started',
  hold: 'on hold',
  resume: 'work resumed',
  complete: 'work completed',
  verify: 'checked and accepted',
  reject: 'check failed: being redone',
  cancel: 'closed without work',
};

export function publicTimeline(history: readonly { action: string; at: Date | string }[]): PublicStep[] {
  return history.map((h) => ({ what: SAYS[h.action] ?? h.action, at: new Date(h.at).toISOString() }));
}

/** Priority classes, most urgent first: risk assigns them, SLAs follow from them. */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

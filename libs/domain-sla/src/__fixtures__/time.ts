import { CHINA_MAINLAND_2026 } from '../china-2026';
import { workingCalendar } from '../calendar';

/** Beijing time: `cst('2026-03-02 09:00')` is 09:00 on 2 March 2026 at UTC+8. */
export function cst(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}${text.length > 16 ? '' : ':00'}+08:00`);
}

export const china = workingCalendar(CHINA_MAINLAND_2026);

/** The error `fn` throws, so a test can look at its field and value. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** Numbers for evidence text: at most two decimals, no float noise such as 0.30000000000000004. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Minutes as "2 d 3 h 5 min", for evidence text. */
export function duration(minutes: number): string {
  const whole = Math.round(minutes);
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const mins = whole % 60;
  const parts = [days > 0 ? `${days} d` : '', hours > 0 ? `${hours} h` : '', mins > 0 ? `${mins} min` : ''];
  const text = parts.filter((p) => p !== '').join(' ');
  return text === '' ? '0 min' : text;
}

export function iso(date: Date): string {
  return date.toISOString();
}

export const MINUTE_MS = 60_000;

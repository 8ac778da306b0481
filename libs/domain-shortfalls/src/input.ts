/** `field` of a path: `prefix.field`, or just `field` at the top. */
export function at(prefix: string, field: string): string {
  return prefix === '' ? field : `${prefix}.${field}`;
}

import { DomainValidationError } from '@buqi/domain-kernel';

/**
 * Runs a condition model on one part of an inspection and names any field it refuses by its path in
 * the request: the model's `distresses[2].severity` is the body's `pavement.distresses[2].severity`.
 * `roots` are the model's own names for its whole input (`measurement`), dropped from the path.
 */
export function within<T>(prefix: string, assess: () => T, roots: readonly string[] = []): T {
  try {
    return assess();
  } catch (err) {
    if (!(err instanceof DomainValidationError)) throw err;
    throw new DomainValidationError(pathIn(prefix, err.field, roots), err.value, err.reason);
  }
}

export function pathIn(prefix: string, field: string, roots: readonly string[] = []): string {
  const root = roots.find((r) => field === r || field.startsWith(`${r}.`) || field.startsWith(`${r}[`));
  const rest = root === undefined ? field : field.slice(root.length).replace(/^\./, '');
  if (rest === '') return prefix;
  return rest.startsWith('[') ? `${prefix}${rest}` : `${prefix}.${rest}`;
}

/** Outcome of parsing one raw environment value. `problem` completes "NAME=<value> ...". */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: string };

/** Options every variable helper accepts. */
export interface VariableOptions<T> {
  /** What the variable is for; shown in errors and in the generated docs. */
  readonly description: string;
  /** Used when the variable is unset or empty. Give one only where it is safe in production. */
  readonly default?: T;
  /** Unset is fine and yields `undefined` (ignored when a default is given). */
  readonly optional?: boolean;
  /** Never print the value (in errors, logs or docs). */
  readonly sensitive?: boolean;
  /** A valid value, shown in errors and docs. */
  readonly example?: string;
}

/** One environment variable: how to parse it and how to describe it. `T` is the loaded type. */
export interface Variable<T> {
  readonly kind: string;
  readonly description: string;
  readonly required: boolean;
  readonly hasDefault: boolean;
  readonly default: T | undefined;
  /** The default as it would be written in the environment, for docs. */
  readonly defaultText: string | undefined;
  readonly sensitive: boolean;
  readonly example: string | undefined;
  parse(raw: string): ParseResult<T>;
}

/** The loaded type for a set of options: a default or `required` gives `T`, `optional: true` adds `undefined`. */
export type ValueFor<T, O> = O extends { default: unknown }
  ? T
  : O extends { optional: true }
    ? T | undefined
    : T;

export function defineVariable<T, O extends VariableOptions<T>>(
  kind: string,
  options: O,
  parse: (raw: string) => ParseResult<T>,
  format: (value: T) => string = String,
): Variable<ValueFor<T, O>> {
  if (!options.description?.trim()) {
    throw new Error(`A ${kind} variable needs a description`);
  }
  const hasDefault = options.default !== undefined;
  return Object.freeze({
    kind,
    description: options.description,
    required: !hasDefault && options.optional !== true,
    hasDefault,
    default: options.default as ValueFor<T, O> | undefined,
    defaultText: hasDefault ? format(options.default as T) : undefined,
    sensitive: options.sensitive === true,
    example: options.example,
    parse: parse as (raw: string) => ParseResult<ValueFor<T, O>>,
  });
}

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const fail = (problem: string): ParseResult<never> => ({ ok: false, problem });

import type { Variable } from './variable';

/** A configuration: environment variable names mapped to their specs. */
export type ConfigSpec = Readonly<Record<string, Variable<unknown>>>;

/** The loaded, typed configuration for a spec. */
export type Config<S extends ConfigSpec> = {
  readonly [K in keyof S]: S[K] extends Variable<infer T> ? T : never;
};

const NAME = /^[A-Z][A-Z0-9_]*$/;

/** Declares a configuration; compose shared fragments by spreading them in. */
export function defineConfig<const S extends ConfigSpec>(spec: S): S {
  const badNames = Object.keys(spec).filter((name) => !NAME.test(name));
  if (badNames.length > 0) {
    throw new Error(`Configuration variable names must be UPPER_SNAKE_CASE: ${badNames.join(', ')}`);
  }
  return Object.freeze({ ...spec });
}

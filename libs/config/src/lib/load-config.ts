import { ConfigError, type ConfigProblem } from './config-error';
import type { Config, ConfigSpec } from './config-spec';
import type { Variable } from './variable';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads and validates every variable of `spec` from `env`. Unset and empty values count as absent.
 * Throws one ConfigError listing all problems; the result is frozen.
 */
export function loadConfig<S extends ConfigSpec>(spec: S, env: Environment = process.env): Config<S> {
  const values: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const [name, variable] of Object.entries(spec)) {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') {
      if (variable.required) problems.push({ variable: name, message: missing(name, variable) });
      values[name] = variable.default;
      continue;
    }
    const result = variable.parse(raw);
    if (result.ok) values[name] = result.value;
    else problems.push({ variable: name, message: invalid(name, raw, variable, result.problem) });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(values) as Config<S>;
}

/**
 * loadConfig for a process entry point: on a ConfigError, prints its message to stderr and exits with
 * code 1 before anything connects anywhere.
 */
export function loadConfigOrExit<S extends ConfigSpec>(spec: S, env: Environment = process.env): Config<S> {
  try {
    return loadConfig(spec, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** The configuration with sensitive values masked, fit for a start-up log line. */
export function printableConfig<S extends ConfigSpec>(spec: S, config: Config<S>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(spec).map(([name, variable]) => {
      const value: unknown = config[name as keyof S];
      return [name, variable.sensitive && value !== undefined ? '[hidden]' : value];
    }),
  );
}

function missing(name: string, variable: Variable<unknown>): string {
  const example = variable.example ? `, e.g. ${variable.example}` : '';
  return `${name} is required (${variable.description}${example})`;
}

function invalid(name: string, raw: string, variable: Variable<unknown>, problem: string): string {
  const shown = variable.sensitive ? `${name} (value hidden)` : `${name}=${JSON.stringify(raw)}`;
  const example = variable.example ? ` (e.g. ${variable.example})` : '';
  return `${shown} ${problem}${example}`;
}

export interface ConfigProblem {
  /** The environment variable's name. */
  readonly variable: string;
  /** A full sentence naming the variable, what is wrong and what is expected; never a sensitive value. */
  readonly message: string;
}

/** Every problem found while loading a configuration, reported at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly ConfigProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Invalid configuration (${count}):\n${problems.map((p) => `  - ${p.message}`).join('\n')}`);
  }
}

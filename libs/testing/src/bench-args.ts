/**
 * A benchmark's numeric option, `--name=value` on its command line: the fallback when absent, an
 * error naming the option when it is not a positive number.
 */
export function numberArg(name: string, fallback: number, argv: readonly string[] = process.argv): number {
  const arg = argv.find((a) => a.startsWith(`--${name}=`));
  if (arg === undefined) return fallback;
  const value = Number(arg.slice(name.length + 3));
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`--${name} must be a positive number (got ${arg})`);
  return value;
}

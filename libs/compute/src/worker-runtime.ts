import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

/** What the worker threads start with; undefined fields mean "inherit the process's". */
export interface WorkerRuntime {
  readonly execArgv?: readonly string[];
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface RuntimeContext {
  readonly execArgv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves a package to a file, as require.resolve does. */
  readonly resolve: (specifier: string) => string;
}

const TYPESCRIPT = /\.[cm]?ts$/;
const SWC_REGISTER = /@swc-node[\\/]register/;

/**
 * Worker threads inherit the process's execArgv, so a worker runs the way its parent does: under
 * `node -r @swc-node/register` (development) it can load a .ts file, and under
 * `node -r ./deploy/runtime/resolve-workspace.cjs` (the build) its .js file resolves `@buqi/*`. Jest
 * compiles in its own module registry instead, which a worker thread does not share: for a .ts file
 * without the register hook in execArgv, add it, with the tsconfig that maps `@buqi/*`.
 */
export function workerRuntime(filename: string, context: RuntimeContext): WorkerRuntime {
  if (!TYPESCRIPT.test(filename) || context.execArgv.some((arg) => SWC_REGISTER.test(arg))) return {};
  let register: string;
  try {
    register = context.resolve('@swc-node/register');
  } catch (error) {
    throw new Error(
      `Worker file ${filename} is TypeScript, which needs @swc-node/register (a development dependency); ` +
        'a production build runs the compiled .js file',
      { cause: error },
    );
  }
  const project = context.env['SWC_NODE_PROJECT'] ?? findUp('tsconfig.base.json', dirname(filename));
  return {
    execArgv: [...context.execArgv, '-r', register],
    env: { ...context.env, ...(project !== undefined && { SWC_NODE_PROJECT: project }) },
  };
}

/**
 * The worker file named `baseName` in the folder of `moduleFile` (pass __filename), with the same
 * extension: `.ts` when the caller runs from source, `.js` in the build.
 */
export function workerFileBeside(moduleFile: string, baseName: string): string {
  return join(dirname(moduleFile), `${baseName}${extname(moduleFile)}`);
}

function findUp(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, name))) return join(dir, name);
    if (dirname(dir) === dir) return undefined;
  }
}

import { join } from 'node:path';
import { workerFileBeside, workerRuntime } from './worker-runtime';

const resolve = (specifier: string): string => `/repo/node_modules/${specifier}/index.js`;
const tsWorker = join(__dirname, 'test-fixtures', 'sample.worker.ts');

describe('workerRuntime', () => {
  it('adds the swc-node hook and the workspace tsconfig for a .ts worker when the process has no hook (Jest)', () => {
    const runtime = workerRuntime(tsWorker, { execArgv: ['--expose-gc'], env: { TZ: 'UTC' }, resolve });

    expect(runtime.execArgv).toEqual(['--expose-gc', '-r', '/repo/node_modules/@swc-node/register/index.js']);
    expect(runtime.env).toEqual({
      TZ: 'UTC',
      SWC_NODE_PROJECT: join(__dirname, '../../../tsconfig.base.json'),
    });
  });

  it('keeps a tsconfig the environment already names', () => {
    const runtime = workerRuntime(tsWorker, {
      execArgv: [],
      env: { SWC_NODE_PROJECT: 'custom.json' },
      resolve,
    });

    expect(runtime.env).toEqual({ SWC_NODE_PROJECT: 'custom.json' });
  });

  it('inherits the process when it already runs under the hook (development)', () => {
    expect(workerRuntime(tsWorker, { execArgv: ['-r', '@swc-node/register'], env: {}, resolve })).toEqual({});
  });

  it('inherits the process for a compiled .js worker (the build, with its resolve hook in execArgv)', () => {
    const execArgv = ['-r', './deploy/runtime/resolve-workspace.cjs'];
    expect(workerRuntime('/app/dist/optimise.worker.js', { execArgv, env: {}, resolve })).toEqual({});
  });

  it('says what is missing when a .ts worker cannot get the hook', () => {
    const missing = (): string => {
      throw new Error("Cannot find module '@swc-node/register'");
    };
    expect(() => workerRuntime(tsWorker, { execArgv: [], env: {}, resolve: missing })).toThrow(
      /needs @swc-node\/register .* production build runs the compiled \.js file/,
    );
  });
});

describe('workerFileBeside', () => {
  it('keeps the extension of the calling module', () => {
    expect(workerFileBeside('/src/optimiser/optimiser.pool.ts', 'optimise.worker')).toBe(
      '/src/optimiser/optimise.worker.ts',
    );
    expect(workerFileBeside('/dist/optimiser/optimiser.pool.js', 'optimise.worker')).toBe(
      '/dist/optimiser/optimise.worker.js',
    );
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from './wait-for';
import { workspaceRoot } from './workspace-root';

export interface SpawnServiceOptions {
  /** The entry point relative to the workspace root, e.g. 'services/asset-inventory/src/main.ts'. */
  readonly main: string;
  /** The child's environment. Nothing is inherited unless `inheritEnv`, so a test controls every variable. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly inheritEnv?: boolean;
}

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface PollOptions {
  readonly status?: number;
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
}

export interface SpawnedService {
  readonly child: ChildProcess;
  readonly exited: Promise<ExitStatus>;
  stdout(): string;
  stderr(): string;
  waitForExit(timeoutMs?: number): Promise<ExitStatus>;
  /** Waits until the process has printed something matching `pattern` on stdout. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Polls `url` until it answers with `status` (200 by default); fails early if the process exits. */
  waitForHttp(url: string, options?: PollOptions): Promise<Response>;
  /** Sends `signal` and waits for the exit; SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ExitStatus>;
}

/**
 * Runs a TypeScript entry point (a service's main.ts, a test fixture) the way `nx serve` does:
 * node -r @swc-node/register with the base tsconfig, capturing its output. Always stop() it in
 * afterAll/afterEach.
 */
export function spawnService(options: SpawnServiceOptions): SpawnedService {
  const root = workspaceRoot();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(root, options.main)], {
    cwd: root,
    env: {
      ...(options.inheritEnv ? process.env : {}),
      ...options.env,
      SWC_NODE_PROJECT: join(root, 'tsconfig.base.json'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  let status: ExitStatus | undefined;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => {
      status = { code, signal };
      resolve(status);
    });
  });
  const describe = (): string => `\n--- stdout ---\n${out.slice(-4000)}\n--- stderr ---\n${err.slice(-4000)}`;

  const waitForExit = async (timeoutMs = 60_000): Promise<ExitStatus> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${options.main} did not exit within ${timeoutMs} ms${describe()}`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  const waitForOutput = (pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> =>
    waitFor(
      `${pattern} on the stdout of ${options.main}${describe()}`,
      () => out.match(pattern) ?? undefined,
      {
        timeoutMs,
        intervalMs: 50,
      },
    );

  const waitForHttp = async (url: string, poll: PollOptions = {}): Promise<Response> => {
    const wanted = poll.status ?? 200;
    const deadline = Date.now() + (poll.timeoutMs ?? 60_000);
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      if (status)
        throw new Error(
          `${options.main} exited (${JSON.stringify(status)}) before ${url} answered ${wanted}${describe()}`,
        );
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
        if (response.status === wanted) return response;
        last = `${response.status} ${await response.text()}`;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
      await new Promise((resolve) => setTimeout(resolve, poll.intervalMs ?? 250));
    }
    throw new Error(`${url} did not answer ${wanted} in time (last: ${last})${describe()}`);
  };

  const stop = async (signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<ExitStatus> => {
    if (status) return status;
    child.kill(signal);
    try {
      return await waitForExit(timeoutMs);
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      throw error;
    }
  };

  return {
    child,
    exited,
    stdout: () => out,
    stderr: () => err,
    waitForExit,
    waitForOutput,
    waitForHttp,
    stop,
  };
}

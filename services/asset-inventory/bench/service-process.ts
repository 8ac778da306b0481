import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@buqi/testing';

export { freePort } from '@buqi/testing';

/** The service as a separate process: built (tsc output) when there is a build, else run through SWC. */
export class ServiceProcess {
  private output = '';
  private peakRssKb = 0;
  private sampler?: NodeJS.Timeout;

  private constructor(
    readonly child: ChildProcess,
    readonly mode: 'built' | 'swc',
  ) {
    child.stdout
      ?.setEncoding('utf8')
      .on('data', (s: string) => (this.output = (this.output + s).slice(-20_000)));
    child.stderr
      ?.setEncoding('utf8')
      .on('data', (s: string) => (this.output = (this.output + s).slice(-20_000)));
  }

  static start(env: Record<string, string>, preferSwc = false): ServiceProcess {
    const root = workspaceRoot();
    const built = join(root, 'dist/services/asset-inventory/services/asset-inventory/src/main.js');
    const mode = existsSync(built) && !preferSwc ? 'built' : 'swc';
    // As the service's image runs it (deploy/docker/service.Dockerfile).
    const args = [
      '--max-semi-space-size=16',
      ...(mode === 'built'
        ? ['-r', join(root, 'deploy/runtime/resolve-workspace.cjs'), built]
        : ['-r', '@swc-node/register', join(root, 'services/asset-inventory/src/main.ts')]),
    ];
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', SWC_NODE_PROJECT: join(root, 'tsconfig.base.json'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServiceProcess(child, mode);
  }

  async ready(url: string, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null)
        throw new Error(`the service exited (${this.child.exitCode}):\n${this.output}`);
      const status = await fetch(`${url}/health/ready`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the service was not ready in time:\n${this.output}`);
  }

  /** Resident memory now, in MB (Linux /proc). */
  rssMb(): number {
    const kb = Number(
      /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'))?.[1] ?? 0,
    );
    this.peakRssKb = Math.max(this.peakRssKb, kb);
    return kb / 1024;
  }

  /** Samples the resident memory every 100 ms until stopped; the peak is what `peakRssMb` reports. */
  sampleRss(): void {
    this.sampler = setInterval(() => this.rssMb(), 100);
  }

  get peakRssMb(): number {
    return this.peakRssKb / 1024;
  }

  /** The kernel's own high-water mark of the process's resident memory, in MB. */
  highWaterMb(): number {
    return (
      Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
    );
  }

  async stop(): Promise<void> {
    clearInterval(this.sampler);
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }

  get log(): string {
    return this.output;
  }
}

import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './test-app.js';

const MAIN = join(import.meta.dirname, '..', '..', 'dist', 'src', 'main.js');

/** A free TCP port on loopback (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The compiled service (dist/src/main.js) running as its own process, as `npm start` runs it. */
export class ServiceProcess {
  private output = '';
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  static start(environment: Record<string, string>): ServiceProcess {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) =>
          !/^(PORT|HOST|DATABASE_URL|REDIS_URL|ROLE|BOOTSTRAP_ADMIN_KEY|MIGRATIONS_RUN|LOG_LEVEL|QUEUE_PREFIX)$/.test(
            name,
          ),
      ),
    );
    const child = spawn(process.execPath, [MAIN], {
      // Outside the checkout, so a developer's .env cannot leak into the test.
      cwd: tmpdir(),
      env: { ...inherited, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServiceProcess(child);
  }

  get logs(): string {
    return this.output;
  }

  async waitForLog(pattern: RegExp, timeoutMs = 20000): Promise<void> {
    await waitFor(`log line ${pattern}`, () => (pattern.test(this.output) ? true : undefined), timeoutMs);
  }

  async waitForExit(timeoutMs = 20000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`process still running after ${timeoutMs} ms:\n${this.output}`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const WORKSPACE = resolve(import.meta.dirname, '../../../..');
const MAIN = join(WORKSPACE, 'dist/apps/api/main.js');
/** Fakes `Date` in the server process; reads the start instant from CLOCK_START_ENV. */
const FAKE_CLOCK_PRELOAD = join(import.meta.dirname, 'fake-clock.preload.ts');
const CLOCK_START_ENV = 'NAHBAR_E2E_CLOCK_START';

export interface ServerOptions {
  /**
   * The instant the server's clock starts at; it runs on in real time from there. For what depends on the time of
   * day (the check-in window), without a test seam in the app: a preload fakes `Date` in the server process.
   */
  readonly now?: Date;
}

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts the built app exactly as `npm start` does (API and web client on one port, embedded database seeded with
 * the demo data), in a fresh data folder and on a free port; `env` adds or overrides settings (e.g. sign-in).
 */
export async function startServer(
  env: Readonly<Record<string, string>> = {},
  options: ServerOptions = {},
): Promise<RunningServer> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npx nx run-many -t build -p api web)`);
  const dataDir = await mkdtemp(join(tmpdir(), 'nahbar-e2e-'));
  const clock = options.now
    ? {
        args: ['--import', pathToFileURL(FAKE_CLOCK_PRELOAD).href],
        env: { [CLOCK_START_ENV]: options.now.toISOString() },
      }
    : { args: [], env: {} };
  const child = spawn(process.execPath, [...clock.args, MAIN], {
    cwd: WORKSPACE,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      NAHBAR_DATA_DIR: dataDir,
      NO_COLOR: '1',
      ...clock.env,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /nahbar is running: (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    async stop() {
      await stopChild(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

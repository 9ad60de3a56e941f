import { execFile, execFileSync } from 'node:child_process';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

/** Debian's PostgreSQL 15 server programs (the postgresql-15 package, as on CI). */
const BIN = process.env['NAHBAR_TEST_POSTGRES_BIN'] ?? '/usr/lib/postgresql/15/bin';
/** initdb and the server refuse to run as root: as root (CI), they run as this user. */
const SERVER_USER = 'postgres';

/** How the server stops (`pg_ctl stop -m`): `fast` is an orderly shutdown, `immediate` a crash (recovery on start). */
export type StopMode = 'fast' | 'immediate';

/** Data folders of servers still running, stopped at the latest when the test process exits. */
const running = new Set<string>();
process.once('exit', () => {
  for (const dataDir of running) {
    try {
      execFileSync(...command(['pg_ctl', 'stop', '-D', dataDir, '-m', 'immediate', '-w']), { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
  }
});

const asRoot = process.getuid?.() === 0;

/** The program and arguments that run a server program, as the server user when we are root. */
function command(args: readonly string[]): [string, string[]] {
  const [program, ...rest] = args;
  const path = join(BIN, program ?? '');
  return asRoot ? ['runuser', ['-u', SERVER_USER, '--', path, ...rest]] : [path, rest];
}

function run(args: readonly string[]): Promise<string> {
  const [program, rest] = command(args);
  return new Promise((resolveRun, reject) => {
    execFile(program, rest, { timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolveRun(stdout);
    });
  });
}

/** A free TCP port on 127.0.0.1 (the system picks it; free again when this resolves). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error())));
    });
  });
}

/**
 * A PostgreSQL server of the test's own, which it may stop, crash and start again: the shared server on 5432 must
 * not be restarted while other test suites use it. Trust authentication, on 127.0.0.1 on a free port, its Unix socket
 * in its own folder, fsync on (what a booking survives is the point). `destroy` stops it and removes every file.
 */
export class PrivatePostgres {
  private constructor(
    private readonly folder: string,
    readonly port: number,
  ) {}

  private get dataDir(): string {
    return join(this.folder, 'data');
  }

  static async create(): Promise<PrivatePostgres> {
    const folder = await mkdtemp(join(tmpdir(), 'nahbar-e2e-postgres-'));
    try {
      if (asRoot) {
        const uid = Number(execFileSync('id', ['-u', SERVER_USER]).toString());
        const gid = Number(execFileSync('id', ['-g', SERVER_USER]).toString());
        await chown(folder, uid, gid);
      }
      const server = new PrivatePostgres(folder, await freePort());
      await run(['initdb', '-D', server.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
      const settings = [
        `port = ${server.port}`,
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${folder}'`,
        'fsync = on',
        'synchronous_commit = on',
        'max_connections = 60',
        'shared_buffers = 32MB',
      ];
      await writeFile(join(server.dataDir, 'postgresql.auto.conf'), `${settings.join('\n')}\n`);
      return server;
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** The URL of a database on this server, over TCP as the API connects in production. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server and waits until it accepts connections (after crash recovery, if it crashed). */
  async start(): Promise<void> {
    running.add(this.dataDir);
    await run(['pg_ctl', 'start', '-D', this.dataDir, '-l', join(this.folder, 'server.log'), '-w', '-t', '120']);
  }

  /** Stops the server: `fast` rolls back what is under way and shuts down cleanly, `immediate` crashes it. */
  async stop(mode: StopMode): Promise<void> {
    await run(['pg_ctl', 'stop', '-D', this.dataDir, '-m', mode, '-w', '-t', '120']);
    running.delete(this.dataDir);
  }

  /** Runs SQL on a database of this server, on a connection of its own. */
  async query<T extends pg.QueryResultRow>(database: string, sql: string, parameters: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query<T>(sql, parameters)).rows;
    } finally {
      await client.end();
    }
  }

  /** Stops the server if it runs (as a crash: nothing of it is kept) and removes its folder. */
  async destroy(): Promise<void> {
    if (running.has(this.dataDir)) {
      await run(['pg_ctl', 'stop', '-D', this.dataDir, '-m', 'immediate', '-w', '-t', '120']).catch(() => undefined);
      running.delete(this.dataDir);
    }
    await rm(this.folder, { recursive: true, force: true });
  }
}

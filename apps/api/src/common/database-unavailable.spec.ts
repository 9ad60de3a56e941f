import { createServer, type Socket } from 'node:net';

import { Logger } from '@nestjs/common';
import pg from 'pg';
import {
  type DataSource,
  type EntityManager,
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';

import { createDataSource } from '../database/data-source.js';
import { isDatabaseUnavailable, toGraphqlError } from './graphql-error.filter.js';

/** The shared PostgreSQL server; this spec only reads, locks and ends connections of its own there. */
const ADMIN_URL = process.env['NAHBAR_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const withCode = (code: string, message = 'failed', more: Record<string, unknown> = {}): Error =>
  Object.assign(new Error(message), { code, ...more });

/** The error `promise` rejects with; fails when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

interface FakeServer {
  readonly port: number;
  close(): Promise<void>;
}

/** A TCP server on 127.0.0.1 that does to each connection what `onConnection` says; for broken servers. */
async function fakeServer(onConnection: (socket: Socket) => void): Promise<FakeServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return {
    port: address.port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolveClose) => server.close(resolveClose));
    },
  };
}

describe('a database that went away', () => {
  describe('errors as the driver and TypeORM really throw them', () => {
    let admin: pg.Client;
    let dataSource: DataSource;

    beforeAll(async () => {
      admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      // The app's own set-up (pool size, connection timeout), on the shared server; no migrations needed here.
      dataSource = createDataSource({ url: ADMIN_URL, poolSize: 3 });
      await dataSource.initialize();
    });

    afterAll(async () => {
      await dataSource.destroy();
      await admin.end();
    });

    /**
     * Runs `work` in a transaction whose connection (backend `pid`) is cut by pg_terminate_backend at the moment `cut`
     * is called; resolves what the transaction rejects with.
     */
    async function inCutTransaction(
      work: (manager: EntityManager, cut: () => Promise<void>, pid: number) => Promise<unknown>,
    ): Promise<Error> {
      return rejection(
        dataSource.transaction(async (manager) => {
          const [row]: { pid: number }[] = await manager.query('SELECT pg_backend_pid() AS pid');
          const pid = Number(row?.pid);
          await work(
            manager,
            async () => {
              await admin.query('SELECT pg_terminate_backend($1)', [pid]);
            },
            pid,
          );
        }),
      );
    }

    it('a query under way when the server ends the connection (57P01, a QueryFailedError)', async () => {
      const error = await inCutTransaction(async (manager, cut, pid) => {
        const sleeping = manager.query('SELECT pg_sleep(30)');
        // Until the query runs.
        for (let round = 0; round < 600; round += 1) {
          const { rows } = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND state = 'active'`, [
            pid,
          ]);
          if (rows.length > 0) break;
          await new Promise((resolveWait) => setTimeout(resolveWait, 50));
        }
        await cut();
        await sleeping;
      });
      expect(error).toBeInstanceOf(QueryFailedError);
      expect(isDatabaseUnavailable(error)).toBe(true);
    });

    it('a transaction waiting for an advisory lock when its connection is ended', async () => {
      const key = Math.floor(Math.random() * 1_000_000_000);
      const holder = new pg.Client({ connectionString: ADMIN_URL });
      await holder.connect();
      try {
        await holder.query('SELECT pg_advisory_lock($1)', [key]);
        const error = await inCutTransaction(async (manager, cut) => {
          const waiting = manager.query('SELECT pg_advisory_xact_lock($1)', [key]);
          // Until it waits for the lock.
          for (let round = 0; round < 600; round += 1) {
            const [row]: { waiting: number }[] = (
              await admin.query(
                `SELECT count(*)::int AS waiting FROM pg_locks
                 WHERE locktype = 'advisory' AND NOT granted AND objid::text::bigint = $1`,
                [key],
              )
            ).rows;
            if ((row?.waiting ?? 0) > 0) break;
            await new Promise((resolveWait) => setTimeout(resolveWait, 50));
          }
          await cut();
          await waiting;
        });
        expect(isDatabaseUnavailable(error)).toBe(true);
      } finally {
        await holder.end();
      }
    });

    it('the next query of a transaction whose idle connection was ended (TypeORM released its runner)', async () => {
      const error = await inCutTransaction(async (manager, cut) => {
        await cut();
        // TypeORM releases the runner when the pg client reports the error; then every query of it throws.
        for (let round = 0; round < 600 && !manager.queryRunner?.isReleased; round += 1) {
          await new Promise((resolveWait) => setTimeout(resolveWait, 50));
        }
        await manager.query('SELECT 1');
      });
      expect(error).toBeInstanceOf(QueryRunnerProviderAlreadyReleasedError);
      expect(isDatabaseUnavailable(error)).toBe(true);
    });

    it('a connection refused (nothing listens on the port)', async () => {
      const server = await fakeServer(() => undefined);
      const port = server.port;
      await server.close();
      const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'postgres', connectionTimeoutMillis: 5000 });
      const error = await rejection(pool.query('SELECT 1'));
      await pool.end();
      expect((error as Error & { code?: string }).code).toBe('ECONNREFUSED');
      expect(isDatabaseUnavailable(error)).toBe(true);
    });

    it('a connection reset by the peer', async () => {
      const server = await fakeServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
      const client = new pg.Client({ host: '127.0.0.1', port: server.port, user: 'postgres' });
      client.on('error', () => undefined);
      const error = await rejection(client.connect());
      await server.close();
      expect(isDatabaseUnavailable(error)).toBe(true);
    });

    it('a server that accepts but never answers, a pool with every connection busy: the connection timeout', async () => {
      const server = await fakeServer(() => undefined);
      const silent = new pg.Pool({
        host: '127.0.0.1',
        port: server.port,
        user: 'postgres',
        connectionTimeoutMillis: 300,
      });
      const timedOut = await rejection(silent.query('SELECT 1'));
      await server.close();
      await silent.end();
      expect(timedOut.message).toMatch(/connection timeout/);
      expect(isDatabaseUnavailable(timedOut)).toBe(true);

      const busy = new pg.Pool({ connectionString: ADMIN_URL, max: 1, connectionTimeoutMillis: 300 });
      const held = await busy.connect();
      const exhausted = await rejection(busy.query('SELECT 1'));
      held.release();
      await busy.end();
      expect(isDatabaseUnavailable(exhausted)).toBe(true);
    });

    it('is not an error the database answered on a healthy connection', async () => {
      const syntax = await rejection(dataSource.query('SELEC 1'));
      expect(syntax).toBeInstanceOf(QueryFailedError);
      expect(isDatabaseUnavailable(syntax)).toBe(false);
      const division = await rejection(dataSource.query('SELECT 1 / 0'));
      expect(isDatabaseUnavailable(division)).toBe(false);
    });
  });

  it('is recognised by the SQLSTATE of a lost connection, a shutdown, a start-up or a full server', () => {
    expect(isDatabaseUnavailable(withCode('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('57P02', 'terminating connection because of crash of another'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('57P03', 'the database system is starting up'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('08006'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('08P01'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('53300', 'sorry, too many clients already'))).toBe(true);
  });

  it('is recognised by the socket errors of a refused, broken or unreachable connection', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']) {
      expect(isDatabaseUnavailable(withCode(code))).toBe(true);
    }
    expect(isDatabaseUnavailable(withCode('ENOTFOUND', 'getaddrinfo ENOTFOUND db', { syscall: 'getaddrinfo' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(withCode('ENOENT', 'connect ENOENT /run/.s.PGSQL.5432', { syscall: 'connect' }))).toBe(
      true,
    );
    // A missing file is not a missing database.
    expect(isDatabaseUnavailable(withCode('ENOENT', 'open ENOENT', { syscall: 'open' }))).toBe(false);
  });

  it('is recognised by the driver messages that carry no code', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated due to connection timeout'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('Client was closed and is not queryable'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
  });

  it('is recognised when wrapped: a QueryFailedError, a cause, an AggregateError of every address', () => {
    const wrapped = new QueryFailedError('SELECT 1', [], withCode('57P01', 'terminating connection'));
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('query failed'), { driverError: { code: '57P02' } }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('booking failed', { cause: withCode('ECONNREFUSED') }))).toBe(true);
    const everyAddress = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect failed');
    expect(isDatabaseUnavailable(everyAddress)).toBe(true);
  });

  it('is not any other database error', () => {
    expect(isDatabaseUnavailable(withCode('23505', 'duplicate key'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('23P01', 'conflicting key value violates exclusion constraint'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('40P01', 'deadlock detected'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('57014', 'canceling statement due to statement timeout'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable('57P01')).toBe(false);
  });

  it('reaches clients as DATABASE_UNAVAILABLE in both languages, without the driver message', () => {
    const error = toGraphqlError(withCode('57P01', 'terminating connection pid 4711'), new Logger('test'));
    expect(error.extensions['code']).toBe('DATABASE_UNAVAILABLE');
    expect(error.message).not.toContain('4711');
    expect(error.extensions['messages']).toMatchObject({ de: expect.stringContaining('Datenbank') });
  });
});

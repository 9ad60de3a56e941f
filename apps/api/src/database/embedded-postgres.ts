import { mkdirSync } from 'node:fs';

import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded PostgreSQL of the demo mode: PGlite (PostgreSQL compiled to WASM) kept in a folder and served over
 * the PostgreSQL wire protocol on a loopback port inside this process, so TypeORM and `pg` use the very same code
 * path as with a PostgreSQL server.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  /** PGlite serialises every statement in one session: a pool larger than one connection gains nothing. */
  static readonly POOL_SIZE = 1;

  /**
   * How long a request may queue for that one connection: 50 people booking at once on a loaded machine wait more
   * than a server's 10 s without anything being wrong (seen in CI); a dead embedded database is the process's own.
   */
  static readonly QUEUE_TIMEOUT_MS = 60_000;

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create({ dataDir, extensions: { btree_gist } });
    const server = new PGLiteSocketServer({
      db,
      host: '127.0.0.1',
      port: 0,
      maxConnections: EmbeddedPostgres.POOL_SIZE,
    });
    await server.start();
    return new EmbeddedPostgres(db, server, `postgres://postgres@${server.getServerConn()}/postgres`);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}

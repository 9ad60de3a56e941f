import pg from 'pg';
import { DataSource } from 'typeorm';

import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

// A `date` column is a civil date: keep it the string PostgreSQL sends ("2027-03-15"), never a JS Date at
// midnight in whatever zone the process runs in.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

/** How long a request waits for a pool connection (a new one, or a free one when all are busy), by default. */
const CONNECTION_TIMEOUT_MS = 10_000;

export interface DataSourceSettings {
  readonly url: string;
  readonly poolSize: number;
  /**
   * How long a request waits for a pool connection. The embedded database has one connection that every request
   * queues for (PGlite runs one statement at a time), so a burst legitimately waits longer there than on a server.
   */
  readonly connectionTimeoutMs?: number;
}

/** The one TypeORM set-up, for the app, the CLI and the tests. Schema changes only through migrations. */
export function createDataSource({
  url,
  poolSize,
  connectionTimeoutMs = CONNECTION_TIMEOUT_MS,
}: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // Expected refusals (exclusion violations) are not errors of the server; unexpected ones are logged by the
    // GraphQL error filter.
    logging: false,
    extra: {
      max: poolSize,
      // A server that is down refuses at once (DATABASE_UNAVAILABLE); one that does not answer (a host gone from the
      // network) or a pool with every connection busy fails the request after this long instead of hanging.
      connectionTimeoutMillis: connectionTimeoutMs,
      // A connection whose server vanished without closing it (a host gone, a NAT or firewall timeout) is noticed by
      // TCP keepalive and dropped, instead of hanging the next query on it.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    },
  });
}

/** Lock id for migrations, so several API instances starting together migrate one after the other. */
const MIGRATION_LOCK = 7_226_481;

export async function migrate(dataSource: DataSource, serialise: boolean): Promise<void> {
  if (!serialise) {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

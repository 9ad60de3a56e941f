import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import type { AppConfig } from '../config/app-config.js';
import { loadPostalCodes } from '../near-home/postal-codes.loader.js';
import { createDataSource, migrate } from './data-source.js';
import { seedDemoData } from './demo-data.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

/** Server pool size; the embedded database serialises everything and gets one connection. */
const SERVER_POOL_SIZE = 20;

/** A migrated, connected database: a PostgreSQL server, or the embedded PGlite when no DATABASE_URL is set. */
export class Database {
  private static readonly logger = new Logger('Database');

  private constructor(
    readonly dataSource: DataSource,
    private readonly embedded: EmbeddedPostgres | undefined,
  ) {}

  static async open(config: AppConfig): Promise<Database> {
    const embedded = config.databaseUrl === undefined ? await EmbeddedPostgres.start(config.dataDir) : undefined;
    const dataSource = createDataSource({
      url: config.databaseUrl ?? (embedded as EmbeddedPostgres).url,
      poolSize: embedded ? EmbeddedPostgres.POOL_SIZE : SERVER_POOL_SIZE,
      ...(embedded ? { connectionTimeoutMs: EmbeddedPostgres.QUEUE_TIMEOUT_MS } : {}),
    });
    try {
      await dataSource.initialize();
      await migrate(dataSource, embedded === undefined);
      const postalCodes = await loadPostalCodes(dataSource);
      if (postalCodes > 0) Database.logger.log(`Loaded ${postalCodes} postal codes (GeoNames, CC BY 4.0).`);
      if (config.seedDemoData) {
        const seeded = await seedDemoData(dataSource);
        if (seeded) Database.logger.log('Seeded the demo data into the empty database.');
      }
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
      throw error;
    }
    Database.logger.log(
      embedded ? `Embedded PostgreSQL (PGlite) in ${config.dataDir}` : 'PostgreSQL server from DATABASE_URL',
    );
    return new Database(dataSource, embedded);
  }

  private closing: Promise<void> | undefined;

  /** Closes the connections (and the embedded database); closing again waits for the first close. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.dataSource.isInitialized) await this.dataSource.destroy();
      await this.embedded?.stop();
    })();
    return this.closing;
  }
}

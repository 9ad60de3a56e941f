import 'reflect-metadata';

import { loadConfig } from './config/app-config.js';
import { createDataSource, migrate } from './database/data-source.js';
import { seedDemoData } from './database/demo-data.js';
import { EmbeddedPostgres } from './database/embedded-postgres.js';

/**
 * Database chores, on the database the environment names (DATABASE_URL, else the embedded one in NAHBAR_DATA_DIR):
 *   migrate          run pending migrations
 *   migrate:revert   revert the last migration
 *   db:reset         drop everything, then migrate
 *   seed-demo        migrate, then load the demo data if the database is empty
 */
const COMMANDS = ['migrate', 'migrate:revert', 'db:reset', 'seed-demo'] as const;
type Command = (typeof COMMANDS)[number];

function isCommand(value: string | undefined): value is Command {
  return (COMMANDS as readonly (string | undefined)[]).includes(value);
}

async function run(command: Command): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl === undefined ? await EmbeddedPostgres.start(config.dataDir) : undefined;
  const dataSource = createDataSource({
    url: config.databaseUrl ?? (embedded as EmbeddedPostgres).url,
    poolSize: embedded ? EmbeddedPostgres.POOL_SIZE : 4,
  });
  await dataSource.initialize();
  try {
    switch (command) {
      case 'migrate':
        await migrate(dataSource, embedded === undefined);
        break;
      case 'migrate:revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        break;
      case 'db:reset':
        await dataSource.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
        await migrate(dataSource, embedded === undefined);
        break;
      case 'seed-demo': {
        await migrate(dataSource, embedded === undefined);
        const seeded = await seedDemoData(dataSource);
        console.log(seeded ? 'Demo data loaded.' : 'The database already holds data; nothing seeded.');
        break;
      }
    }
    console.log(`${command}: done`);
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

const command = process.argv[2];
if (!isCommand(command)) {
  console.error(`Usage: node dist/apps/api/cli.js <${COMMANDS.join('|')}>`);
  process.exit(2);
}
run(command).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

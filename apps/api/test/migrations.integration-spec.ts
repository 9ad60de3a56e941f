import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

/** TypeORM column types as PostgreSQL's information_schema names them. */
const UDT_NAMES: Readonly<Record<string, string>> = {
  uuid: 'uuid',
  text: 'text',
  char: 'bpchar',
  'double precision': 'float8',
  integer: 'int4',
  smallint: 'int2',
  numeric: 'numeric',
  boolean: 'bool',
  date: 'date',
  timestamptz: 'timestamptz',
  time: 'time',
  real: 'float4',
};

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  let test: TestApi;

  beforeAll(async () => {
    test = await startTestApi(kind);
  });

  afterAll(async () => {
    await test?.stop();
  });

  // TypeORM's own schema diff needs its typeorm_metadata table for generated columns, which hand-written migrations
  // do not keep; so the test compares every mapped column with what the migrations built.
  it('built every table and column the entities map, with the same type and nullability', async () => {
    const columns = await test.sql<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const actual = new Map(columns.map((column) => [`${column.table_name}.${column.column_name}`, column]));
    const mismatches: string[] = [];
    for (const entity of test.api.database.dataSource.entityMetadatas) {
      for (const column of entity.columns) {
        const key = `${entity.tableName}.${column.databaseName}`;
        const found = actual.get(key);
        const baseType = UDT_NAMES[String(column.type)] ?? String(column.type);
        // PostgreSQL names an array type after its element with a leading underscore: smallint[] is _int2.
        const expectedType = column.isArray ? `_${baseType}` : baseType;
        if (!found) mismatches.push(`${key} is missing`);
        else if (found.udt_name !== expectedType)
          mismatches.push(`${key} is ${found.udt_name}, entity says ${expectedType}`);
        else if ((found.is_nullable === 'YES') !== column.isNullable) mismatches.push(`${key} nullability differs`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('revert cleanly and apply again', async () => {
    const { dataSource } = test.api.database;
    const applied = dataSource.migrations.length;
    for (let step = 0; step < applied; step += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    const left = await test.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(left[0]?.count).toBe(0);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.showMigrations()).toBe(false);
  });
});

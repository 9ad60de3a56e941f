import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  isRequiredInputField,
  isScalarType,
} from 'graphql';

import { daysFromToday } from './support/fixtures.js';
import { errorCode, EventRecorder, graphql, wsClient } from './support/graphql-client.js';
import { DATABASE_KINDS, startTestApi, type TestApi } from './support/test-api.js';

/**
 * Generated inputs (fast-check) for every mutation and every query with arguments of the committed schema (issue 9):
 * arguments are drawn from their types (odd, long, unicode and SQL-ish strings, dates in and out of format, negative
 * and huge numbers, enum values and others, real ids from the demo data and random ones, nulls where allowed, nested
 * input objects) and sent as a demo person who holds every role. Each answer must be data, or errors whose codes the
 * code base names (never INTERNAL_SERVER_ERROR, never a stack trace or database text); a refused request must leave
 * every table as it was.
 *
 * The seed is fixed (printed; NAHBAR_FUZZ_SEED overrides it to explore, NAHBAR_FUZZ_RUNS the runs per operation).
 */
const SEED = Number(process.env['NAHBAR_FUZZ_SEED'] ?? 20261123);
const RUNS = Number(process.env['NAHBAR_FUZZ_RUNS'] ?? 20);

const API_ROOT = join(import.meta.dirname, '..');
const schema = buildSchema(readFileSync(join(API_ROOT, 'schema.graphql'), 'utf8'));

/**
 * Every operation the fuzzer covers, with the argument names that need a value of their own kind (the rest follow
 * from their types). A mutation, or a query with arguments, missing here fails the first test: decide what its
 * arguments are when adding it.
 */
interface OperationHints {
  /** Argument or input-field name → kind of value (beyond what its type says). */
  readonly strings?: Readonly<Record<string, StringKind>>;
  /** ID argument name → the entity (table) it names, where its name does not say (`movingId`). */
  readonly ids?: Readonly<Record<string, string>>;
}
type StringKind = 'date' | 'postalCode' | 'checkInToken' | 'csv' | 'text';

const DATES: Record<string, StringKind> = { date: 'date', from: 'date', to: 'date' };

const OPERATIONS: Record<string, OperationHints> = {
  // mutations
  addFavouriteColleague: {},
  addFavouriteDesk: {},
  addOfficeClosure: { strings: DATES },
  addTeamMember: {},
  answerPresenceDay: {},
  blockDesk: {},
  bookDesk: { strings: DATES },
  bookNextTo: { strings: DATES },
  bookRecurring: { strings: DATES },
  cancelBooking: {},
  cancelPresenceDay: {},
  checkIn: { strings: { token: 'checkInToken' } },
  clearPresencePolicy: {},
  createCalendarFeed: {},
  createPresenceDay: { strings: DATES },
  createTeam: {},
  deleteTeam: {},
  eraseMyAccount: {},
  grantRole: {},
  importDesks: { strings: { csv: 'csv' } },
  joinWaitlist: { strings: DATES },
  leaveWaitlist: {},
  movePresenceDay: { strings: DATES },
  removeFavouriteColleague: {},
  removeFavouriteDesk: {},
  removeOfficeClosure: {},
  removeTeamMember: {},
  renameTeam: {},
  revokeCalendarFeed: {},
  revokeOfficeSharing: {},
  revokeRole: {},
  setOfficeCapacity: {},
  setPresencePolicy: {},
  shareOffice: {},
  unblockDesk: {},
  updateProfile: { strings: { homePostalCode: 'postalCode' } },
  // queries with arguments
  auditLog: { strings: DATES },
  bestPresenceDays: { strings: DATES },
  colleagueSearch: {},
  deskAvailability: { strings: DATES },
  deskByCheckInToken: { strings: { token: 'checkInToken' } },
  deskHeatmap: { strings: DATES },
  deskQrCodes: {},
  myBookingsBetween: { strings: DATES },
  office: {},
  officeAreas: {},
  officeDay: { strings: DATES },
  officeOccupancy: { strings: DATES },
  officeUtilisation: { strings: DATES },
  officesNearHome: {},
  organisationPeople: {},
  postalCodePlace: { strings: { code: 'postalCode' } },
  presenceDayPreview: { strings: DATES, ids: { movingId: 'presenceday' } },
  presenceDays: { strings: DATES },
  team: {},
  teamCalendar: { strings: DATES },
  teamCandidates: {},
  teamPolicySummary: {},
  utilisationOverview: { strings: DATES },
  whosIn: { strings: DATES },
};

interface Operation {
  readonly kind: 'query' | 'mutation';
  readonly field: GraphQLField<unknown, unknown>;
}

/**
 * The mutations, and the queries that take arguments, of the committed schema: queries first, and the mutations that
 * take something away (delete, remove, revoke, cancel, clear, leave) last, so that the others find the demo data.
 */
function operationsOfSchema(): Operation[] {
  const rank = (operation: Operation): number =>
    operation.kind === 'query' ? 0 : /^(delete|remove|revoke|cancel|clear|leave)/.test(operation.field.name) ? 2 : 1;
  return schemaOperations().sort((a, b) => rank(a) - rank(b));
}

function schemaOperations(): Operation[] {
  const operations: Operation[] = [];
  for (const [kind, type] of [
    ['mutation', schema.getMutationType()],
    ['query', schema.getQueryType()],
  ] as const) {
    for (const field of Object.values((type as GraphQLObjectType).getFields())) {
      if (kind === 'mutation' || field.args.length > 0) operations.push({ kind, field });
    }
  }
  return operations;
}

/**
 * The error codes the code base names: the string constants of the API's sources and the domain library (error-code
 * objects, `new DomainError('…')`, the booking refusals), BAD_USER_INPUT for variables GraphQL cannot coerce, and
 * never INTERNAL_SERVER_ERROR.
 */
function typedCodes(): Set<string> {
  const codes = new Set<string>(['BAD_USER_INPUT']);
  for (const root of [join(API_ROOT, 'src'), join(API_ROOT, '..', '..', 'libs', 'domain', 'src')]) {
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
      for (const match of readFileSync(join(root, file), 'utf8').matchAll(
        /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z][A-Z0-9]{3,})'/g,
      )) {
        codes.add(match[1] as string);
      }
    }
  }
  codes.delete('INTERNAL_SERVER_ERROR');
  return codes;
}

/** What an error message must never carry: a stack frame, a source path, or the database's own words. */
const LEAKS: readonly RegExp[] = [
  /\n\s+at\s/,
  /\bat\s+\S+\s+\(.*:\d+:\d+\)/,
  /node_modules/,
  /\.(?:ts|js):\d+/,
  /QueryFailedError|TypeORMError|EntityNotFound/,
  /duplicate key value|violates .* constraint|invalid input syntax|syntax error at or near/i,
  /relation "|column "|operator does not exist|out of range for type|invalid byte sequence|value too long for type/i,
  /date\/time field value out of range|SQLSTATE|unterminated quoted/i,
];

// ---------------------------------------------------------------- values

interface Pools {
  /** Ids of each table by entity (`office`, `officeclosure`, `person`, …). */
  readonly ids: ReadonlyMap<string, readonly string[]>;
  readonly allIds: readonly string[];
  readonly checkInTokens: readonly string[];
  readonly officeNames: readonly string[];
}

const SQLISH = [
  "'; DROP TABLE bookings; --",
  "' OR '1'='1",
  "Robert'); DELETE FROM people; --",
  '1; SELECT pg_sleep(0)',
  '%',
  '_%_',
  '\\',
  '"',
  "''",
  '$1',
  '\u0000',
  'a\u0000b',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '{{7*7}}',
  '   ',
  '',
  'null',
  '💥🏢👩🏽‍💻',
  '\u202eevil',
  'Ä'.repeat(300),
  '\r\n\t',
  '\uFFFD',
  '\uD800',
];

const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 4, arbitrary: fc.constantFrom(...SQLISH) },
  { weight: 1, arbitrary: fc.string({ minLength: 1000, maxLength: 5000 }) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(200_000)) },
);

const WRONG_DATES = [
  '2030-02-30',
  '2030-13-01',
  '2030-00-10',
  '2030-1-5',
  '30.01.2030',
  '2030/01/30',
  '2030-01-30T10:00:00Z',
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13',
  '-000001-01-01',
  '1969-12-31',
  '2030-W05-1',
  '20300130',
];

const dateString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -30, max: 400 }).map((days) => daysFromToday(days)) },
  { weight: 3, arbitrary: fc.constantFrom(...WRONG_DATES) },
  { weight: 1, arbitrary: oddString },
);

const DESK_IMPORT_HEADER =
  'Büro;Adresse;Gemeindeschlüssel (AGS);Öffnungstage;Bereich;Platz;Ausstattung;Barrierefrei;Aktiv';

function csvString(pools: Pools): fc.Arbitrary<string> {
  const cell = fc.oneof(
    fc.constantFrom(...pools.officeNames),
    fc.constantFrom('09562000', '05515000', '123', 'Mo-Fr', 'Mo,Di', 'ja', 'nein', 'Monitor', 'EG', 'A-1', ''),
    oddString.filter((value) => value.length < 100),
  );
  const line = fc.array(cell, { minLength: 1, maxLength: 11 }).map((cells) => cells.join(';'));
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.array(line, { maxLength: 6 }).map((lines) => [DESK_IMPORT_HEADER, ...lines].join('\r\n')),
    },
    { weight: 1, arbitrary: oddString },
  );
}

function stringOf(kind: StringKind | undefined, pools: Pools): fc.Arbitrary<string> {
  switch (kind) {
    case 'date':
      return dateString;
    case 'postalCode':
      return fc.oneof(fc.stringMatching(/^\d{5}$/), fc.constantFrom('00000', '99999', '1234', '123456'), oddString);
    case 'checkInToken':
      return fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom(...pools.checkInTokens) },
        { weight: 3, arbitrary: oddString },
      );
    case 'csv':
      return csvString(pools);
    case 'text':
    case undefined:
      return oddString;
  }
}

/** `officeId` → `office`, `colleagueIds` → `person`; `id` takes the entity its operation or input type names. */
function idArbitrary(name: string, owner: string, pools: Pools, wild = true): fc.Arbitrary<string> {
  let entity = name.replace(/Ids?$/, '').toLowerCase();
  if (entity === 'id') entity = '';
  if (entity === 'colleague') entity = 'person';
  if (entity === '') {
    const place = owner.toLowerCase();
    entity = [...pools.ids.keys()].filter((key) => place.includes(key)).sort((a, b) => b.length - a.length)[0] ?? '';
  }
  const own = pools.ids.get(entity) ?? [];
  const known = own.length > 0 ? own : pools.allIds;
  if (!wild) return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.uuid() });
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom(...pools.allIds) },
    { weight: 1, arbitrary: fc.constantFrom(...known).map((id) => id.toUpperCase()) },
    {
      weight: 2,
      arbitrary: fc.oneof(fc.constantFrom('00000000-0000-0000-0000-000000000000', 'not-an-id', '1', '-1'), oddString),
    },
  );
}

const intValue: fc.Arbitrary<number> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -3, max: 60 }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.constantFrom(0, -1, 7, 8, 100, 1000, 2_147_483_647, -2_147_483_648) },
  // Not a 32-bit integer: GraphQL refuses these (BAD_USER_INPUT).
  { weight: 1, arbitrary: fc.constantFrom(2_147_483_648, 1e20, 1.5) },
);

const floatValue: fc.Arbitrary<number> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -0.5, max: 1.5, noNaN: true }),
  fc.constantFrom(0, 0.01, 0.015, 0.5, 1, 1.01, -0.01, 1e308, 5e-324),
);

interface Context {
  readonly pools: Pools;
  readonly hints: OperationHints;
  /** Operation and input type names around the value: what an `id` refers to. */
  readonly owner: string;
  /** Any value of the type (odd strings, wrong dates, huge numbers, invalid enum values), or plausible ones only. */
  readonly wild: boolean;
}

function valueOf(type: GraphQLInputType, name: string, context: Context): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return present(type.ofType, name, context);
  return fc.oneof(
    { weight: context.wild ? 4 : 8, arbitrary: present(type, name, context) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

/** Values a client would plausibly send: they get past the checks of format into the rules behind them. */
function plausible(type: GraphQLInputType, name: string, context: Context): fc.Arbitrary<unknown> | undefined {
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
  if (!isScalarType(type)) return undefined;
  switch (type.name) {
    case 'ID':
      return idArbitrary(context.hints.ids?.[name] ?? name, context.owner, context.pools, false);
    case 'String': {
      const kind = context.hints.strings?.[name];
      if (kind === 'date') return fc.integer({ min: -3, max: 120 }).map((days) => daysFromToday(days));
      if (kind === 'postalCode') return fc.constantFrom('91052', '90762', '48143', '33602', '10115', '99999');
      if (kind === 'checkInToken') return fc.constantFrom(...context.pools.checkInTokens);
      if (kind === 'csv') return csvString(context.pools);
      return fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('Team Nord', 'Umbau', 'Ja'));
    }
    case 'Int':
      return /weekdays/i.test(name) ? fc.integer({ min: 1, max: 7 }) : fc.integer({ min: 0, max: 12 });
    case 'Float':
      return fc.double({ min: 0, max: 1, noNaN: true });
    default:
      return undefined;
  }
}

function present(type: GraphQLInputType, name: string, context: Context): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return present(type.ofType, name, context);
  if (isListType(type)) {
    const item = valueOf(type.ofType as GraphQLInputType, name, context);
    if (!context.wild) return fc.array(item, { maxLength: 4 });
    return fc.oneof(
      { weight: 5, arbitrary: fc.array(item, { maxLength: 6 }) },
      { weight: 1, arbitrary: fc.array(item, { minLength: 60, maxLength: 120 }) },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const inner: Context = { ...context, owner: `${context.owner} ${type.name}` };
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) model[field.name] = valueOf(field.type, field.name, inner);
    return fc.record(model, {
      requiredKeys: fields.filter((field: GraphQLInputField) => isRequiredInputField(field)).map((field) => field.name),
    });
  }
  const calm = context.wild ? undefined : plausible(type, name, context);
  if (calm) return calm;
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...values) },
      { weight: 1, arbitrary: fc.constantFrom('NOT_A_VALUE', '', values[0]?.toLowerCase() ?? 'x') },
    );
  }
  switch (type.name) {
    case 'ID':
      return idArbitrary(context.hints.ids?.[name] ?? name, context.owner, context.pools);
    case 'String':
      return stringOf(context.hints.strings?.[name], context.pools);
    case 'Int':
      return intValue;
    case 'Float':
      return floatValue;
    case 'Boolean':
      return fc.boolean();
    default:
      throw new Error(`The fuzzer has no values for the scalar ${type.name}: add them.`);
  }
}

/**
 * Variables for all arguments of `field`, nullable ones sometimes left out: wild values in two runs of five,
 * plausible ones (real ids, dates near today, small numbers, valid enum values) in the others.
 */
function argumentsOf(field: GraphQLField<unknown, unknown>, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const build = (wild: boolean): fc.Arbitrary<Record<string, unknown>> => {
    const context: Context = { pools, hints: OPERATIONS[field.name] ?? {}, owner: field.name, wild };
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const argument of field.args) model[argument.name] = valueOf(argument.type, argument.name, context);
    return fc.record(model, {
      requiredKeys: field.args.filter((argument: GraphQLArgument) => isRequiredArgument(argument)).map((a) => a.name),
    });
  };
  return fc.oneof({ weight: 2, arbitrary: build(true) }, { weight: 3, arbitrary: build(false) });
}

/** The operation's text: its arguments as variables, and the leaf fields of what it returns. */
function documentOf(operation: Operation): string {
  const { field } = operation;
  const variables = field.args.map((argument) => `$${argument.name}: ${String(argument.type)}`).join(', ');
  const argumentsText = field.args.map((argument) => `${argument.name}: $${argument.name}`).join(', ');
  const returned = getNamedType(field.type);
  let selection = '';
  if (isObjectType(returned)) {
    const leaves = Object.values(returned.getFields())
      .filter((child) => isLeafType(getNamedType(child.type)) && child.args.every((arg) => !isRequiredArgument(arg)))
      .map((child) => child.name);
    selection = ` { __typename ${leaves.join(' ')} }`;
  } else if (!isLeafType(returned)) {
    selection = ' { __typename }';
  }
  return (
    `${operation.kind} Fuzz${variables ? `(${variables})` : ''} ` +
    `{ ${field.name}${argumentsText ? `(${argumentsText})` : ''}${selection} }`
  );
}

// ---------------------------------------------------------------- the database

/** A hash of every row of every table, per table: a refused request must leave each as it was. */
async function tableHashes(test: TestApi, tables: readonly string[]): Promise<Map<string, string>> {
  const query = tables
    .map(
      (table) =>
        `SELECT '${table}' AS name, count(*)::int || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM "${table}" t`,
    )
    .join(' UNION ALL ');
  const rows = await test.sql<{ name: string; hash: string }>(query);
  return new Map(rows.map((row) => [row.name, row.hash]));
}

function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((table) => before.get(table) !== after.get(table));
}

async function loadPools(test: TestApi): Promise<Pools> {
  const tables = await test.sql<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid' ORDER BY table_name`,
  );
  const ids = new Map<string, string[]>();
  const allIds: string[] = [];
  for (const { table_name: table } of tables) {
    const rows = await test.sql<{ id: string }>(`SELECT id FROM "${table}" ORDER BY id LIMIT 500`);
    if (rows.length === 0) continue;
    const list = rows.map((row) => row.id);
    allIds.push(...list);
    for (const key of entityKeys(table)) ids.set(key, [...(ids.get(key) ?? []), ...list]);
  }
  const tokens = await test.sql<{ check_in_token: string }>(`SELECT check_in_token FROM desks LIMIT 20`);
  const offices = await test.sql<{ name: string }>(`SELECT name FROM offices`);
  return {
    ids,
    allIds,
    checkInTokens: tokens.map((row) => row.check_in_token),
    officeNames: offices.map((row) => row.name),
  };
}

/** `office_closures` → `officeclosure` (and `office`'s word `waitlist` of `waitlist_entries`), `people` → `person`. */
function entityKeys(table: string): string[] {
  if (table === 'people') return ['person'];
  const singular = table.replace(/ies$/, 'y').replace(/s$/, '');
  const keys = [singular.replace(/_/g, '')];
  const [first] = singular.split('_');
  if (first && first !== singular && !['office', 'presence', 'team'].includes(first)) keys.push(first);
  return keys;
}

// ---------------------------------------------------------------- the test

interface Finding {
  readonly operation: string;
  readonly problem: string;
  readonly variables: string;
  readonly answer: string;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'string' && item.length > 120 ? `${item.slice(0, 120)}…(${item.length} chars)` : item,
  );
  return text.length > 1500 ? `${text.slice(0, 1500)}…` : text;
}

describe('fuzzing every mutation and argument', () => {
  it('covers every mutation and every query with arguments of the schema', () => {
    const inSchema = operationsOfSchema()
      .map((operation) => operation.field.name)
      .sort();
    expect(inSchema).toEqual(Object.keys(OPERATIONS).sort());
  });

  describe.each(DATABASE_KINDS)('on %s', (kind) => {
    let test: TestApi;
    let person: string;
    let tables: string[];
    let pools: Pools;
    const codes = typedCodes();

    beforeAll(async () => {
      // The fuzzer asks far faster than a person: its own limits, high enough for every run.
      test = await startTestApi(kind, {
        NAHBAR_RATE_LIMIT_PERSON: '1000000',
        NAHBAR_RATE_LIMIT_ADDRESS: '1000000',
      });
      // Anna Schmidt, admin of the LDBV, also manages every office and leads her team: every role's paths open.
      const [anna] = await test.sql<{ id: string }>(`SELECT id FROM people WHERE display_name = 'Anna Schmidt'`);
      person = anna?.id ?? '';
      await test.sql(
        `INSERT INTO role_assignments (person_id, role, office_id)
         SELECT $1, 'FACILITY_MANAGER', id FROM offices
         WHERE id NOT IN (SELECT office_id FROM role_assignments WHERE person_id = $1 AND office_id IS NOT NULL)`,
        [person],
      );
      await test.sql(`UPDATE team_members SET is_lead = true WHERE person_id = $1`, [person]);
      pools = await loadPools(test);
      const rows = await test.sql<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
      );
      tables = rows.map((row) => row.table_name);
    });

    afterAll(async () => {
      await test?.stop();
    });

    it('refuses text with NUL, which the database cannot store, as BAD_USER_INPUT wherever it comes in', async () => {
      const search = 'query($q: String!) { colleagueSearch(query: $q) { id } }';
      expect(errorCode(await graphql(test.api.url, search, { q: 'a\u0000b' }, person))).toBe('BAD_USER_INPUT');
      const literal = '{ colleagueSearch(query: "a\\u0000b") { id } }';
      expect(errorCode(await graphql(test.api.url, literal, {}, person))).toBe('BAD_USER_INPUT');
      const file = await fetch(`${test.api.url}/calendar/x%00y.ics`);
      expect(file.status).toBe(400);
      const client = wsClient(test.api.url, person);
      try {
        const recorder = new EventRecorder<unknown>().subscribe(client, search, { q: '\u0000' }, (data) => data);
        await recorder.waitFor(1, 10_000).catch(() => undefined);
        const [first] = recorder.errors;
        const error = (Array.isArray(first) ? first[0] : first) as { extensions?: { code?: string } } | undefined;
        expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      } finally {
        await client.dispose();
      }
    });

    // A hang guard for a loaded CI machine (it took 216 s once on PGlite with other suites beside it), not a figure.
    it('answers only with data or typed errors, and a refused request writes nothing', async () => {
      console.log(`fuzz seed ${SEED} (NAHBAR_FUZZ_SEED), ${RUNS} runs per operation, ${kind}`);
      const findings: Finding[] = [];
      let before = await tableHashes(test, tables);
      let requests = 0;
      /** Per operation: how many answers carried data, and the codes of the refusals (printed, to see the reach). */
      const outcomes = new Map<string, Map<string, number>>();
      for (const [index, operation] of operationsOfSchema().entries()) {
        const tally = new Map<string, number>();
        outcomes.set(operation.field.name, tally);
        const document = documentOf(operation);
        // What earlier operations created (teams, closures, bookings) is fair game; what they deleted is not.
        pools = await loadPools(test);
        const samples = fc.sample(argumentsOf(operation.field, pools), { seed: SEED + index, numRuns: RUNS });
        for (const variables of samples) {
          requests += 1;
          const response = await fetch(`${test.api.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-nahbar-demo-person': person },
            body: JSON.stringify({ query: document, variables }),
          });
          const text = await response.text();
          const report = (problem: string): void => {
            findings.push({
              operation: operation.field.name,
              problem,
              variables: preview(variables),
              answer: text.length > 1500 ? `${text.slice(0, 1500)}…` : text,
            });
          };
          let body: { data?: unknown; errors?: { message?: unknown; extensions?: Record<string, unknown> }[] };
          try {
            body = JSON.parse(text) as typeof body;
          } catch {
            report(`not JSON (HTTP ${response.status})`);
            continue;
          }
          const after = await tableHashes(test, tables);
          const errors = body.errors ?? [];
          const outcome = String(errors[0]?.extensions?.['code'] ?? 'data');
          tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
          for (const error of errors) {
            const code = error.extensions?.['code'];
            if (typeof code !== 'string' || !codes.has(code)) report(`error code ${String(code)}`);
            const message = String(error.message);
            const leak = LEAKS.find((pattern) => pattern.test(message));
            if (leak) report(`message leaks ${String(leak)}`);
            if (error.extensions && ('stacktrace' in error.extensions || 'exception' in error.extensions)) {
              report('extensions carry a stack trace');
            }
          }
          if (errors.length > 0) {
            const changed = changedTables(before, after);
            if (changed.length > 0) report(`refused, but wrote ${changed.join(', ')}`);
          } else if (body.data === undefined || body.data === null) {
            report(`neither data nor errors (HTTP ${response.status})`);
          }
          before = after;
        }
      }
      console.log(
        `fuzz ${kind}: ${requests} requests, ${findings.length} findings\n` +
          [...outcomes]
            .map(([name, tally]) => `${name}: ${[...tally].map(([code, count]) => `${code} ${count}`).join(', ')}`)
            .join('\n'),
      );
      expect(findings).toEqual([]);
    }, 600_000);
  });
});

import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  getOperationAST,
  GraphQLBoolean,
  GraphQLError,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';

import { COMPILE_AFTER_RUNS, CompiledQueries } from './compiled-queries.js';

interface Context {
  readonly personId: string;
  readonly log: string[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const Desk = new GraphQLObjectType({
  name: 'Desk',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    code: { type: new GraphQLNonNull(GraphQLString) },
    free: { type: new GraphQLNonNull(GraphQLBoolean) },
    mine: { type: GraphQLID },
    // Non-null, but null for desk 3: graphql-js nulls the nearest nullable parent and reports the error.
    area: { type: new GraphQLNonNull(GraphQLString) },
  },
});

function desks(count: number, personId: string) {
  return Array.from({ length: count }, (_, index) => ({
    id: `desk-${index}`,
    code: `A-${index}`,
    free: index % 2 === 0,
    mine: index === 1 ? personId : null,
    area: index === 3 ? null : 'Nord',
  }));
}

/** What Nest's ValidationPipe throws (a BadRequestException): no GraphQLError, its details in `response`. */
class HttpLikeError extends Error {
  readonly response = { statusCode: 400, message: ['weeks must not be greater than 26'] };
  readonly status = 400;
}

const DeskFilter = new GraphQLInputObjectType({
  name: 'DeskFilter',
  fields: {
    count: { type: new GraphQLNonNull(GraphQLInt) },
    onlyFree: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: false },
  },
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      desks: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Desk))),
        args: { count: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: async (_root, { count }: { count: number }, context: Context) => desks(count, context.personId),
      },
      desk: {
        type: Desk,
        args: { count: { type: new GraphQLNonNull(GraphQLInt) }, index: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: (_root, { count, index }: { count: number; index: number }, context: Context) =>
          desks(count, context.personId)[index],
      },
      refused: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError('That desk is taken.', { extensions: { code: 'DESK_TAKEN' } });
        },
      },
      invalid: {
        type: GraphQLString,
        resolve: () => {
          throw new HttpLikeError('Bad Request Exception');
        },
      },
      first: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Desk))),
        args: { take: { type: new GraphQLNonNull(GraphQLInt), defaultValue: 2 } },
        resolve: (_root, { take }: { take: number }, context: Context) => desks(take, context.personId),
      },
      filtered: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Desk))),
        args: { filter: { type: new GraphQLNonNull(DeskFilter) } },
        resolve: (_root, { filter }: { filter: { count: number; onlyFree: boolean } }, context: Context) =>
          desks(filter.count, context.personId).filter((desk) => !filter.onlyFree || desk.free),
      },
    },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: {
      step: {
        type: GraphQLString,
        args: { name: { type: new GraphQLNonNull(GraphQLString) }, ms: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: async (_root, { name, ms }: { name: string; ms: number }, context: Context) => {
          context.log.push(`start ${name}`);
          await pause(ms);
          context.log.push(`end ${name}`);
          return name;
        },
      },
    },
  }),
});

async function executorOf(compiled: CompiledQueries) {
  compiled.keepSchema(schema);
  const gateway = compiled.gateway();
  gateway.onSchemaLoadOrUpdate(() => undefined);
  const { executor } = await gateway.load({ apollo: {} });
  if (!executor) throw new Error('no executor');
  return (document: DocumentNode, variables: Record<string, unknown>, context: Context, operationName?: string) => {
    const operation = getOperationAST(document, operationName);
    if (!operation) throw new Error('no operation');
    // The part of Apollo's request context the executor reads.
    const request = {
      document,
      operation,
      operationName: operationName ?? null,
      context,
      request: { variables },
    } as unknown as Parameters<typeof executor>[0];
    return executor(request);
  };
}

/** What a client receives: the result as JSON, errors with message, path and extensions. */
function answer(result: ExecutionResult): unknown {
  return JSON.parse(JSON.stringify({ data: result.data, errors: result.errors?.map((error) => error.toJSON()) }));
}

function context(): Context {
  return { personId: 'person-7', log: [] };
}

describe('CompiledQueries', () => {
  const cases: [string, string, Record<string, unknown>, boolean][] = [
    ['a list of objects', 'query Desks($n: Int!) { desks(count: $n) { id code free mine } }', { n: 3 }, true],
    [
      'aliases and a nested null',
      'query($n: Int!) { a: desks(count: $n) { code area } b: desk(count: 5, index: 2) { id } }',
      { n: 5 },
      true,
    ],
    ['a missing object', 'query { desk(count: 1, index: 4) { id } }', {}, true],
    ['a resolver refusal with its code', 'query { refused desk(count: 2, index: 1) { mine } }', {}, true],
    ['an error that is no GraphQLError', 'query { invalid }', {}, true],
    ['a variable of the wrong type', 'query($n: Int!) { desks(count: $n) { id } }', { n: 'drei' }, true],
    ['a missing variable', 'query($n: Int!) { desks(count: $n) { id } }', {}, true],
    [
      'skip and include',
      'query($s: Boolean!) { desk(count: 2, index: 1) { id mine @skip(if: $s) code @include(if: $s) } }',
      { s: true },
      true,
    ],
    ["an argument's default", 'query { first { code } }', {}, true],
    ["a variable's default", 'query($n: Int = 4) { desks(count: $n) { code } }', {}, true],
    [
      "an input field's default (interpreted)",
      'query($f: DeskFilter!) { filtered(filter: $f) { code } }',
      { f: { count: 4 } },
      false,
    ],
    ['an input object written inline (interpreted)', 'query { filtered(filter: { count: 3 }) { code } }', {}, false],
    ['a mutation (interpreted)', 'mutation { step(name: "a", ms: 0) }', {}, false],
  ];

  it.each(cases)(
    'answers %s exactly as graphql-js, before and after compiling',
    async (_name, query, variables, compiles) => {
      const compiled = new CompiledQueries();
      const run = await executorOf(compiled);
      const document = parse(query);
      const expected = answer(await execute({ schema, document, variableValues: variables, contextValue: context() }));
      const answers: unknown[] = [];
      for (let runs = 1; runs <= COMPILE_AFTER_RUNS + 2; runs += 1) {
        answers.push(answer(await run(document, variables, context())));
        // The first runs are interpreted; from COMPILE_AFTER_RUNS on, the document runs compiled (if it may).
        expect(compiled.isCompiled(document)).toBe(compiles && runs >= COMPILE_AFTER_RUNS);
      }
      for (const received of answers) expect(received).toEqual(expected);
    },
  );

  it('says which variable is wrong in graphql-js words, which Apollo answers as BAD_USER_INPUT', async () => {
    const compiled = new CompiledQueries();
    const run = await executorOf(compiled);
    const document = parse('query($n: Int!) { desks(count: $n) { id } }');
    for (let runs = 1; runs <= COMPILE_AFTER_RUNS + 1; runs += 1) {
      const result = await run(document, { n: 'drei' }, context());
      expect(result.data).toBeUndefined();
      expect(result.errors?.map((error) => error.message)).toEqual([
        'Variable "$n" got invalid value "drei"; Int cannot represent non-integer value: "drei"',
      ]);
    }
    expect(compiled.isCompiled(document)).toBe(true);
  });

  it('leaves mutations to graphql-js, which runs their root fields one after the other', async () => {
    const compiled = new CompiledQueries();
    const run = await executorOf(compiled);
    const document = parse('mutation { first: step(name: "a", ms: 30) second: step(name: "b", ms: 1) }');
    for (let runs = 1; runs <= COMPILE_AFTER_RUNS; runs += 1) {
      const log: string[] = [];
      const result = await run(document, {}, { personId: 'p', log });
      expect(result).toEqual({ data: { first: 'a', second: 'b' } });
      expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
    }
    expect(compiled.isCompiled(document)).toBe(false);
  });

  it("hands a resolver's own error on as the original error of a located GraphQLError, as graphql-js does", async () => {
    const compiled = new CompiledQueries();
    const run = await executorOf(compiled);
    const document = parse('query { invalid refused }');
    for (let runs = 1; runs <= COMPILE_AFTER_RUNS; runs += 1) {
      const [invalid, refused] = (await run(document, {}, context())).errors ?? [];
      // What Nest's formatError reads to answer BAD_USER_INPUT, and Apollo's unwrapResolverError.
      expect(invalid).toBeInstanceOf(GraphQLError);
      expect(invalid?.path).toEqual(['invalid']);
      expect(invalid?.originalError).toBeInstanceOf(HttpLikeError);
      expect(refused?.extensions).toEqual({ code: 'DESK_TAKEN' });
    }
    expect(compiled.isCompiled(document)).toBe(true);
  });

  it('keeps the operations of one document apart by name, and hands each its own context', async () => {
    const compiled = new CompiledQueries();
    const run = await executorOf(compiled);
    const document = parse('query One { desk(count: 2, index: 1) { mine } } query Two { desks(count: 1) { code } }');
    for (let runs = 1; runs <= COMPILE_AFTER_RUNS; runs += 1) {
      expect(await run(document, {}, { personId: `p${runs}`, log: [] }, 'One')).toEqual({
        data: { desk: { mine: `p${runs}` } },
      });
    }
    expect(compiled.isCompiled(document, 'One')).toBe(true);
    expect(compiled.isCompiled(document, 'Two')).toBe(false);
    expect(await run(document, {}, context(), 'Two')).toEqual({ data: { desks: [{ code: 'A-0' }] } });
  });

  it('refuses to run before the schema is handed over', () => {
    expect(() => new CompiledQueries().gateway().onSchemaLoadOrUpdate(() => undefined)).toThrow(/schema/);
  });
});

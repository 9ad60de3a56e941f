import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  getNamedType,
  getOperationAST,
  getVariableValues,
  type GraphQLSchema,
  isInputObjectType,
  printSchema,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** How often a document runs through graphql-js before it is compiled: strangers' one-off queries are not. */
export const COMPILE_AFTER_RUNS = 2;

/** What is known of one operation of one parsed document: runs so far, then its compiled form or that it stays interpreted. */
type OperationState = { runs: number } | { compiled: CompiledQuery } | { interpreted: true };

/**
 * Whether graphql-jit answers the operation as graphql-js does. Queries only: a mutation's time is its transaction,
 * not its answer. And no argument of an input object type: graphql-jit does not fill in the default values of input
 * fields (`dryRun: Boolean! = false` left out is refused as missing), where graphql-js does.
 */
function compilable(schema: GraphQLSchema, document: DocumentNode, operationName: string): boolean {
  const operation = getOperationAST(document, operationName || undefined);
  if (operation?.operation !== 'query') return false;
  const typeInfo = new TypeInfo(schema);
  let inputObject = false;
  visit(
    operation,
    visitWithTypeInfo(typeInfo, {
      Argument() {
        const type = typeInfo.getInputType();
        if (type && isInputObjectType(getNamedType(type))) inputObject = true;
      },
    }),
  );
  return !inputObject;
}

/** The operation compiled, or undefined when it is not `compilable` or graphql-jit cannot compile it (graphql-js runs it). */
function tryCompile(schema: GraphQLSchema, document: DocumentNode, operationName: string): CompiledQuery | undefined {
  if (!compilable(schema, document, operationName)) return undefined;
  try {
    const compiled = compileQuery(schema, document, operationName || undefined, {
      // The stack of an error made by the compiled code is never shown (includeStacktraceInErrorResponses is off).
      disablingCapturingStackErrors: true,
    });
    return isCompiledQuery(compiled) ? compiled : undefined;
  } catch {
    // A document graphql-jit fails on is still a valid one (Apollo validated it): graphql-js answers it, as before.
    return undefined;
  }
}

/**
 * GraphQL operations over HTTP executed by queries compiled with graphql-jit instead of graphql-js's interpreter
 * (issue 8, figure 1). graphql-js walks every field of every object of an answer and builds a resolve-info for each:
 * for an office's availability (about 200 desks × 7 fields) that is most of the API's own CPU per request; the
 * compiled query does the same work in straight-line code, an order of magnitude faster.
 *
 * Apollo Server 5 has no option for another executor; its gateway interface is the documented way to provide one
 * (https://www.apollographql.com/docs/apollo-server/migration#executor). Everything before execution stays Apollo's:
 * parsing, validation with the request limits, introspection off in production, plugins, error formatting.
 * Subscriptions do not pass here (graphql-ws executes them, see realtime/shared-views).
 *
 * What stays as graphql-js does it:
 * - mutations, and queries with an argument of an input object type (see `compilable`);
 * - a document's first runs, so that a query sent once (by a stranger, or a fuzzer) costs no compilation;
 * - the variables: graphql-js checks them first and its errors are answered as they are (Apollo marks them
 *   BAD_USER_INPUT by their wording); the compiled query then coerces the same raw values itself;
 * - any document graphql-jit cannot compile.
 * Compiled queries are kept per parsed document, which Apollo keeps in its bounded document store: when Apollo lets a
 * document go, its compiled queries go with it.
 */
export class CompiledQueries {
  private schema: GraphQLSchema | undefined;
  private readonly operations = new WeakMap<DocumentNode, Map<string, OperationState>>();

  /** For Nest's `transformSchema`: the schema as built, kept for the executor. */
  readonly keepSchema = (schema: GraphQLSchema): GraphQLSchema => {
    this.schema = schema;
    return schema;
  };

  /** The gateway Apollo Server takes its schema and executor from. */
  gateway(): Gateway {
    return {
      load: async () => ({ executor: this.executor }),
      onSchemaLoadOrUpdate: (callback) => {
        const schema = this.requireSchema();
        callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
        return () => undefined;
      },
      stop: async () => undefined,
    };
  }

  /** Whether the operation of this parsed document runs compiled by now (for tests and diagnostics). */
  isCompiled(document: DocumentNode, operationName = ''): boolean {
    const state = this.operations.get(document)?.get(operationName);
    return state !== undefined && 'compiled' in state;
  }

  private readonly executor: Executor = async (request) => {
    const schema = this.requireSchema();
    const { document, operation, operationName } = request;
    const variables = request.request.variables ?? {};
    const compiled = this.compiledFor(schema, document, operationName ?? '');
    if (!compiled) {
      return execute({ schema, document, contextValue: request.context, variableValues: variables, operationName });
    }
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return { errors: coerced.errors };
    return (await compiled.query(undefined, request.context, variables)) as ExecutionResult;
  };

  private compiledFor(schema: GraphQLSchema, document: DocumentNode, operationName: string): CompiledQuery | undefined {
    let states = this.operations.get(document);
    if (!states) {
      states = new Map();
      this.operations.set(document, states);
    }
    const state = states.get(operationName) ?? { runs: 0 };
    if ('compiled' in state) return state.compiled;
    if ('interpreted' in state) return undefined;
    if (state.runs + 1 < COMPILE_AFTER_RUNS) {
      states.set(operationName, { runs: state.runs + 1 });
      return undefined;
    }
    const compiled = tryCompile(schema, document, operationName);
    states.set(operationName, compiled ? { compiled } : { interpreted: true });
    return compiled;
  }

  private requireSchema(): GraphQLSchema {
    if (!this.schema) throw new Error('CompiledQueries: the schema was not handed over (transformSchema)');
    return this.schema;
  }
}

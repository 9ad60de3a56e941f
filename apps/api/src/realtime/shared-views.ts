import {
  createSourceEventStream,
  type DocumentNode,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLSchema,
  parse,
  Source,
} from 'graphql';

/**
 * Fan-out of one live event to thousands of subscribers (figure 3 of issue 8) without a GraphQL execution per
 * subscriber. A subscription whose events reach each subscriber as a *shared view* — one object for everyone who may
 * see the event alike, made by `shareView` after that subscriber's own authorisation — is executed once per view,
 * query text and variables; every further subscriber asking the same gets the same result. Who sees what is decided
 * before the view is chosen, per subscriber, so sharing never widens what anyone receives.
 *
 * The contract of a shared view: the subscription's `resolve` merely hands the view on (it reads no context), and the
 * view's fields resolve from the view alone. Then the execution depends on (view, document, operation, variables)
 * only, which is the key of the memo.
 */
const sharedViews = new WeakSet<object>();
const viewsOfEvent = new WeakMap<object, Map<string, object>>();
const resultsOfView = new WeakMap<object, Map<string, ExecutionResult | Promise<ExecutionResult>>>();

/**
 * The one view of `event` for its `audience`: the first subscriber's `view` is kept and handed to every later one
 * of the same audience. `audience` must name everything the view depends on besides the event (e.g. the part of the
 * day asked for and which booking is the subscriber's own).
 */
export function shareView<T extends object>(event: object, audience: string, view: T): T {
  let views = viewsOfEvent.get(event);
  if (!views) {
    views = new Map();
    viewsOfEvent.set(event, views);
  }
  const existing = views.get(audience);
  if (existing) return existing as T;
  sharedViews.add(view);
  views.set(audience, view);
  return view;
}

/** Leave an event out for this subscriber (see `mapLive`). */
export const SKIP: unique symbol = Symbol('skip');

/**
 * The events of `source`, each mapped for one subscriber (or skipped with `SKIP`), in order. Ending the mapped
 * iterator ends the source at once, also while it waits for an event, so no PubSub subscription outlives its client.
 */
export function mapLive<T, U>(
  source: AsyncIterator<T>,
  map: (value: T) => Promise<U | typeof SKIP>,
): AsyncIterableIterator<U> {
  const done = (): IteratorReturnResult<undefined> => ({ done: true, value: undefined });
  return {
    async next(): Promise<IteratorResult<U, undefined>> {
      for (;;) {
        const result = await source.next();
        if (result.done) return done();
        const mapped = await map(result.value);
        if (mapped !== SKIP) return { done: false, value: mapped };
      }
    },
    async return(): Promise<IteratorResult<U, undefined>> {
      await source.return?.();
      return done();
    },
    async throw(error: unknown): Promise<IteratorResult<U, undefined>> {
      if (source.throw) await source.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * graphql-ws's `subscribe`: graphql-js's own, except that an event that is a shared view is executed once per view,
 * document, operation and variables (see above); any other event is executed per subscriber, as before.
 */
export async function subscribeSharingViews(
  args: ExecutionArgs,
): Promise<AsyncGenerator<ExecutionResult, void, void> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  const body = args.document.loc?.source.body;
  // Computed once per subscription: the same string (and its cached hash) for every event.
  const key =
    body === undefined
      ? undefined
      : `${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}\n${body}`;
  const run = (payload: unknown): ExecutionResult | Promise<ExecutionResult> =>
    execute({ ...args, rootValue: payload });
  return mapResults(stream, (payload) => {
    if (key === undefined || typeof payload !== 'object' || payload === null || !sharedViews.has(payload)) {
      return run(payload);
    }
    let results = resultsOfView.get(payload);
    if (!results) {
      results = new Map();
      resultsOfView.set(payload, results);
    }
    let result = results.get(key);
    if (!result) {
      result = run(payload);
      results.set(key, result);
    }
    return result;
  });
}

/** graphql-js's mapAsyncIterator (not exported): maps each event to its execution, passing return and throw on. */
function mapResults<T>(
  iterable: AsyncIterable<T>,
  map: (value: T) => ExecutionResult | Promise<ExecutionResult>,
): AsyncGenerator<ExecutionResult, void, void> {
  const iterator = iterable[Symbol.asyncIterator]();
  const mapResult = async (result: IteratorResult<T>): Promise<IteratorResult<ExecutionResult, void>> => {
    if (result.done) return { done: true, value: undefined };
    try {
      return { done: false, value: await map(result.value) };
    } catch (error) {
      await iterator.return?.().catch(() => undefined);
      throw error;
    }
  };
  const generator: AsyncGenerator<ExecutionResult, void, void> = {
    async next() {
      return mapResult(await iterator.next());
    },
    async return() {
      return iterator.return ? mapResult(await iterator.return()) : { done: true, value: undefined };
    },
    async throw(error: unknown) {
      if (iterator.throw) return mapResult(await iterator.throw(error));
      throw error;
    },
    [Symbol.asyncIterator]() {
      return generator;
    },
    async [Symbol.asyncDispose]() {
      await generator.return();
    },
  };
  return generator;
}

/** How many distinct operation texts are kept parsed and validated (the web client sends a few dozen). */
const DOCUMENT_CACHE_SIZE = 500;

/**
 * graphql-ws's `parse` and `validate`, shared between subscriptions: thousands of clients send the same few
 * operations, each would otherwise keep its own syntax tree (a few KB, tokens included) and validate it again
 * (about half a millisecond with the limit rules). A document is immutable once parsed; validation depends on the
 * schema and the document only. Errors of parsing are not kept (they throw, as before).
 */
export function sharedDocuments(validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[]): {
  parse: (source: string | Source) => DocumentNode;
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
} {
  const parsed = new Map<string, DocumentNode>();
  const validated = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly GraphQLError[]>>();
  return {
    parse(source: string | Source): DocumentNode {
      if (source instanceof Source) return parse(source);
      let document = parsed.get(source);
      if (document) {
        // Most recently used last: the first entry is the one to drop.
        parsed.delete(source);
      } else {
        document = parse(source);
        if (parsed.size >= DOCUMENT_CACHE_SIZE) parsed.delete(parsed.keys().next().value as string);
      }
      parsed.set(source, document);
      return document;
    },
    validate(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
      let ofSchema = validated.get(schema);
      if (!ofSchema) {
        ofSchema = new WeakMap();
        validated.set(schema, ofSchema);
      }
      let errors = ofSchema.get(document);
      if (!errors) {
        errors = validate(schema, document);
        ofSchema.set(document, errors);
      }
      return errors;
    },
  };
}

import { buildSchema, type ExecutionResult, GraphQLError, parse } from 'graphql';
import { PubSub } from 'graphql-subscriptions';

import { mapLive, sharedDocuments, shareView, SKIP, subscribeSharingViews } from './shared-views.js';

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Desk { id: ID! free: Boolean! mine: Boolean! }
  type Subscription { changed(tag: String): Desk }
`);

/** A subscription whose field resolves the event through `resolve`, counting the executions. */
function harness(toRoot: (event: { id: string }, subscriber: string) => object | typeof SKIP) {
  const pubSub = new PubSub();
  const executions: string[] = [];
  const subscribeFor = async (subscriber: string, query: string, variables: Record<string, unknown> = {}) => {
    const result = await subscribeSharingViews({
      schema,
      document: parse(query),
      variableValues: variables,
      contextValue: { subscriber },
      rootValue: {
        changed: () =>
          mapLive(pubSub.asyncIterableIterator<{ id: string }>('changed'), async (event) => toRoot(event, subscriber)),
      },
      subscribeFieldResolver: (root: { changed: () => unknown }) => root.changed(),
      fieldResolver: (source: Record<string, unknown>, _args, context: { subscriber: string }, info) => {
        if (info.parentType.name === 'Subscription') {
          executions.push(context.subscriber);
          return source;
        }
        return source[info.fieldName];
      },
    });
    if (!(Symbol.asyncIterator in result)) throw new Error(JSON.stringify(result));
    return result;
  };
  return { pubSub, executions, subscribeFor };
}

describe('shared views of live events', () => {
  it('executes a shared view once per query text and variables, and everything else per subscriber', async () => {
    const { pubSub, executions, subscribeFor } = harness((event, subscriber) => {
      const mine = subscriber === 'booker';
      return shareView(event, String(mine), { id: event.id, free: false, mine });
    });
    const query = 'subscription($tag: String) { changed(tag: $tag) { id free mine } }';
    const streams = await Promise.all([
      subscribeFor('a', query, { tag: 'x' }),
      subscribeFor('b', query, { tag: 'x' }),
      subscribeFor('booker', query, { tag: 'x' }),
      subscribeFor('c', query, { tag: 'y' }),
      subscribeFor('d', 'subscription { changed { id } }'),
    ]);
    const nexts = streams.map((stream) => stream.next());
    await pubSub.publish('changed', { id: 'd1' });
    const results = (await Promise.all(nexts)).map((result) => result.value as ExecutionResult);

    expect(results.map((result) => result.data)).toEqual([
      { changed: { id: 'd1', free: false, mine: false } },
      { changed: { id: 'd1', free: false, mine: false } },
      { changed: { id: 'd1', free: false, mine: true } },
      { changed: { id: 'd1', free: false, mine: false } },
      { changed: { id: 'd1' } },
    ]);
    // a and b share one execution; the booker's view, other variables and another text are executed on their own.
    expect(executions.sort()).toEqual(['a', 'booker', 'c', 'd']);
    expect(results[1]).toBe(results[0]);
    for (const stream of streams) await stream.return();
  });

  it('executes per subscriber what is not a shared view, and skips what a subscriber may not see', async () => {
    const { pubSub, executions, subscribeFor } = harness((event, subscriber) =>
      subscriber === 'outsider' ? SKIP : { id: event.id, free: true, mine: false },
    );
    const query = 'subscription { changed { id } }';
    const [a, b, outsider] = await Promise.all([
      subscribeFor('a', query),
      subscribeFor('b', query),
      subscribeFor('outsider', query),
    ]);
    const outsiderNext = outsider.next();
    const nexts = [a.next(), b.next()];
    await pubSub.publish('changed', { id: 'd1' });
    await pubSub.publish('changed', { id: 'd2' });
    expect((await Promise.all(nexts)).map((result) => (result.value as ExecutionResult).data)).toEqual([
      { changed: { id: 'd1' } },
      { changed: { id: 'd1' } },
    ]);
    expect(executions.sort()).toEqual(['a', 'b']);
    // Ending a subscription that waits for an event it may see ends it at once.
    await outsider.return();
    expect(await outsiderNext).toEqual({ done: true, value: undefined });
    await a.return();
    await b.return();
  });

  it('ends the source at once when a mapped stream ends while waiting', async () => {
    const pubSub = new PubSub();
    const source = pubSub.asyncIterableIterator<number>('n');
    const live = mapLive(source, async (n) => n * 2);
    const pending = live.next();
    // graphql-subscriptions subscribes asynchronously: let it, then end the stream with nothing published.
    await new Promise((resolve) => setImmediate(resolve));
    await live.return?.();
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});

describe('shared documents', () => {
  it('parses one text once and validates one document once, errors included', () => {
    let validations = 0;
    const refused = [new GraphQLError('no')];
    const documents = sharedDocuments((_schema, document) => {
      validations += 1;
      return document.definitions.length > 1 ? refused : [];
    });
    const text = 'subscription { changed { id } }';
    const first = documents.parse(text);
    expect(documents.parse(text)).toBe(first);
    expect(documents.parse('subscription { changed { free } }')).not.toBe(first);
    expect(documents.validate(schema, first)).toEqual([]);
    expect(documents.validate(schema, documents.parse(text))).toEqual([]);
    const two = documents.parse('query A { ok } query B { ok }');
    expect(documents.validate(schema, two)).toBe(refused);
    expect(documents.validate(schema, two)).toBe(refused);
    expect(validations).toBe(2);
    expect(() => documents.parse('subscription {')).toThrow(GraphQLError);
  });

  it('keeps at most 500 texts, dropping the least recently used', () => {
    const documents = sharedDocuments(() => []);
    const kept = documents.parse('{ ok }');
    const a0 = documents.parse('{ a0: ok }');
    const a1 = documents.parse('{ a1: ok }');
    for (let i = 2; i < 499; i += 1) documents.parse(`{ a${i}: ok }`);
    expect(documents.parse('{ ok }')).toBe(kept); // used again: now the most recent of 500
    documents.parse('{ b: ok }'); // the 501st drops "{ a0: ok }", the least recently used
    expect(documents.parse('{ ok }')).toBe(kept);
    expect(documents.parse('{ a1: ok }')).toBe(a1);
    expect(documents.parse('{ a0: ok }')).not.toBe(a0);
  });
});

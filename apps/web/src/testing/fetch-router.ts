import { graphqlResponse } from './graphql-response';

type Answer = unknown | ((variables: Record<string, unknown>) => unknown);

/**
 * A fetch stand-in that answers GraphQL requests by operation name ("query Me", "mutation ShareOffice"):
 * `answers.Me` is the `data` (or a function of the variables giving it); an `Error` instance becomes an error with
 * its message as `extensions.code`.
 */
export function fetchByOperation(answers: Record<string, Answer>): jest.Mock<Promise<Response>, [string, RequestInit]> {
  return jest.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
    const name = /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    const answer = answers[name];
    if (answer === undefined) {
      throw new Error(`no answer for operation ${name}`);
    }
    const data =
      typeof answer === 'function' ? (answer as (v: Record<string, unknown>) => unknown)(body.variables) : answer;
    if (data instanceof Error) {
      return graphqlResponse({ errors: [{ message: data.message, extensions: { code: data.message } }] });
    }
    return graphqlResponse({ data });
  });
}

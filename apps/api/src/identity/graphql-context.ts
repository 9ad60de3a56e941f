import type { Request } from 'express';

/** What every resolver sees as its GraphQL context, for HTTP requests and WebSocket operations alike. */
export interface GraphqlContext {
  readonly req?: Request;
  /** graphql-ws `connection_init` payload, for operations over WebSocket. */
  readonly connectionParams?: Readonly<Record<string, unknown>>;
  /** Set by the identity guard once the caller is known. */
  personId?: string;
}

interface WsContextArgument {
  readonly connectionParams?: Readonly<Record<string, unknown>>;
}

export function createGraphqlContext(argument: { req?: Request } | WsContextArgument): GraphqlContext {
  if ('connectionParams' in argument) {
    return { connectionParams: argument.connectionParams ?? {} };
  }
  return { req: (argument as { req?: Request }).req };
}

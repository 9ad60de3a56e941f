import type { Request } from 'express';

import type { Caller } from './caller.js';
import { rememberedCaller } from './request-caller.js';

/** What every resolver sees as its GraphQL context, for HTTP requests and WebSocket operations alike. */
export interface GraphqlContext {
  readonly req?: Request;
  /** graphql-ws `connection_init` payload, for operations over WebSocket. */
  readonly connectionParams?: Readonly<Record<string, unknown>>;
  /** Who is asking: set when the WebSocket connection was accepted, or by the identity guard for HTTP. */
  caller?: Caller;
}

/** Per-connection state graphql-ws keeps in `ctx.extra`; the connection handler puts the caller there. */
export interface ConnectionExtra {
  caller?: Caller;
}

interface WsContextArgument {
  readonly connectionParams?: Readonly<Record<string, unknown>>;
  readonly extra?: ConnectionExtra;
}

export function createGraphqlContext(argument: { req?: Request } | WsContextArgument): GraphqlContext {
  if ('connectionParams' in argument || 'extra' in argument) {
    const ws = argument as WsContextArgument;
    return { connectionParams: ws.connectionParams ?? {}, ...(ws.extra?.caller ? { caller: ws.extra.caller } : {}) };
  }
  const req = (argument as { req?: Request }).req;
  const caller = req ? rememberedCaller(req) : undefined;
  return { req, ...(caller ? { caller } : {}) };
}

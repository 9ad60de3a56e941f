import type { Caller } from './caller.js';

const callers = new WeakMap<object, Caller>();

/**
 * The caller an HTTP request was already authenticated as (by the rate limits, which count per person before the
 * body is read), so that the GraphQL context starts with it instead of authenticating the request a second time.
 */
export function rememberCaller(request: object, caller: Caller): void {
  callers.set(request, caller);
}

export function rememberedCaller(request: object): Caller | undefined {
  return callers.get(request);
}

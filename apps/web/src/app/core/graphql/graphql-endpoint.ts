import { InjectionToken } from '@angular/core';

/** Path of the GraphQL endpoint; the API serves it on the same origin as the app. */
export const GRAPHQL_PATH = '/graphql';

/** The fetch function the HTTP client uses; replaced in tests. */
export const FETCH = new InjectionToken<typeof fetch>('FETCH', {
  providedIn: 'root',
  factory: () => globalThis.fetch.bind(globalThis),
});

/** ws:// or wss:// URL of the GraphQL endpoint for a page at `pageUrl`. */
export function graphqlWebSocketUrl(pageUrl: string): string {
  const url = new URL(GRAPHQL_PATH, pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  return url.toString();
}

import { graphqlWebSocketUrl } from './graphql-endpoint';

describe('graphqlWebSocketUrl', () => {
  it('uses ws:// on an http page, on the same host and port', () => {
    expect(graphqlWebSocketUrl('http://localhost:3000/buchen?teil=MORNING')).toBe('ws://localhost:3000/graphql');
  });

  it('uses wss:// on an https page', () => {
    expect(graphqlWebSocketUrl('https://nahbar.example.de/meine-buchungen#x')).toBe('wss://nahbar.example.de/graphql');
  });
});

import { TestBed } from '@angular/core/testing';

import { graphqlResponse, htmlResponse } from '../../../testing/graphql-response';
import { DemoIdentity } from '../identity/demo-identity';
import { FETCH } from './graphql-endpoint';
import { GraphqlHttpClient } from './graphql-http.client';
import { graphqlOperation } from './graphql-operation';
import { GraphqlRequestError } from './graphql-request.error';

const OFFICE_NAME = graphqlOperation<{ office: { name: string } }, { id: string }>(
  'query Office($id: ID!) { office(id: $id) { name } }',
);

describe('GraphqlHttpClient', () => {
  let fetchMock: jest.Mock<Promise<Response>, [string, RequestInit]>;

  function setUp(): GraphqlHttpClient {
    TestBed.configureTestingModule({
      providers: [{ provide: FETCH, useValue: fetchMock }],
    });
    return TestBed.inject(GraphqlHttpClient);
  }

  async function failure(promise: Promise<unknown>): Promise<GraphqlRequestError> {
    const error: unknown = await promise.then(
      () => {
        throw new Error('expected the request to fail');
      },
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(GraphqlRequestError);
    return error as GraphqlRequestError;
  }

  beforeEach(() => {
    localStorage.clear();
    fetchMock = jest.fn();
  });

  it('posts the document and variables to /graphql and returns data', async () => {
    fetchMock.mockResolvedValue(graphqlResponse({ data: { office: { name: 'Rathaus' } } }));
    const client = setUp();

    const data = await client.request(OFFICE_NAME, { id: 'o1' });

    expect(data.office.name).toBe('Rathaus');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({
      query: OFFICE_NAME.document,
      variables: { id: 'o1' },
    });
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json' });
    expect(init?.headers).not.toHaveProperty('x-nahbar-demo-person');
  });

  it('sends the chosen demo person in a header', async () => {
    fetchMock.mockResolvedValue(graphqlResponse({ data: { office: { name: 'x' } } }));
    const client = setUp();
    TestBed.inject(DemoIdentity).choose('person-7');

    await client.request(OFFICE_NAME, { id: 'o1' });

    expect(fetchMock.mock.calls[0]?.[1].headers).toMatchObject({
      'x-nahbar-demo-person': 'person-7',
    });
  });

  it('throws the code of a GraphQL error, also with a 400 status', async () => {
    fetchMock.mockResolvedValue(
      graphqlResponse({ errors: [{ message: 'no', extensions: { code: 'OFFICE_NOT_FOUND' } }] }, 400),
    );
    const error = await failure(setUp().request(OFFICE_NAME, { id: 'zz' }));
    expect(error.code).toBe('OFFICE_NOT_FOUND');
  });

  it('reports an unreachable server as NETWORK', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await failure(setUp().request(OFFICE_NAME, { id: 'o1' }));
    expect(error.code).toBe('NETWORK');
  });

  it('reports a gateway page without JSON as NETWORK', async () => {
    fetchMock.mockResolvedValue(htmlResponse(502));
    const error = await failure(setUp().request(OFFICE_NAME, { id: 'o1' }));
    expect(error.code).toBe('NETWORK');
  });

  it('reports a body without data as UNKNOWN', async () => {
    fetchMock.mockResolvedValue(graphqlResponse({ data: null }));
    const error = await failure(setUp().request(OFFICE_NAME, { id: 'o1' }));
    expect(error.code).toBe('UNKNOWN');
  });
});

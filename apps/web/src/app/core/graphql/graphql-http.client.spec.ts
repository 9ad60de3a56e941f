import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { graphqlResponse, htmlResponse, rateLimitedResponse } from '../../../testing/graphql-response';
import { AUTH_SESSION, type AuthSession } from '../identity/auth-session';
import { DemoSession } from '../identity/demo-session';
import { FETCH } from './graphql-endpoint';
import { GraphqlHttpClient } from './graphql-http.client';
import { graphqlOperation } from './graphql-operation';
import { GraphqlRequestError } from './graphql-request.error';
import { ServerPauses } from './server-pauses';

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
    TestBed.inject(DemoSession).choose('person-7');

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

  describe('with a session that renews its credentials', () => {
    let token: string;
    let session: AuthSession;

    beforeEach(() => {
      token = 'first';
      session = {
        mode: 'OIDC',
        key: signal<string | null>('oidc:sub-1'),
        credentials: jest.fn(async () => ({ authorization: `Bearer ${token}` })),
        renew: jest.fn(async () => {
          token = 'second';
          return true;
        }),
        signIn: jest.fn(),
        signOut: jest.fn(),
        forget: jest.fn(),
      };
      TestBed.configureTestingModule({ providers: [{ provide: AUTH_SESSION, useValue: session }] });
    });

    it('sends the bearer token of the moment with every request', async () => {
      fetchMock.mockResolvedValue(graphqlResponse({ data: { office: { name: 'x' } } }));
      const client = setUp();

      await client.request(OFFICE_NAME, { id: 'o1' });
      token = 'renewed-meanwhile';
      await client.request(OFFICE_NAME, { id: 'o1' });

      const sent = fetchMock.mock.calls.map(([, init]) => (init.headers as Record<string, string>)['authorization']);
      expect(sent).toEqual(['Bearer first', 'Bearer renewed-meanwhile']);
      expect(fetchMock.mock.calls[0]?.[1].headers).not.toHaveProperty('x-nahbar-demo-person');
    });

    it('renews once after UNAUTHENTICATED and sends the request again with the new token', async () => {
      fetchMock
        .mockResolvedValueOnce(
          graphqlResponse({ errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] }),
        )
        .mockResolvedValueOnce(graphqlResponse({ data: { office: { name: 'Rathaus' } } }));

      const data = await setUp().request(OFFICE_NAME, { id: 'o1' });

      expect(data.office.name).toBe('Rathaus');
      expect(session.renew).toHaveBeenCalledTimes(1);
      expect(fetchMock.mock.calls[1]?.[1].headers).toMatchObject({ authorization: 'Bearer second' });
    });

    it('gives up when the renewed token is refused too', async () => {
      fetchMock.mockResolvedValue(
        graphqlResponse({ errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] }),
      );
      const error = await failure(setUp().request(OFFICE_NAME, { id: 'o1' }));
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(fetchMock).toHaveBeenCalledTimes(2);
    });

    it('does not renew for other errors', async () => {
      fetchMock.mockResolvedValue(graphqlResponse({ errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }));
      const error = await failure(setUp().request(OFFICE_NAME, { id: 'o1' }));
      expect(error.code).toBe('FORBIDDEN');
      expect(session.renew).not.toHaveBeenCalled();
    });
  });

  describe('refused for too many requests (HTTP 429)', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    /** Lets the client read the refusal and start its pause, without moving the clock. */
    async function settle(): Promise<void> {
      await jest.advanceTimersByTimeAsync(0);
    }

    it('waits as long as Retry-After says, tells the person, and sends the request again', async () => {
      fetchMock
        .mockResolvedValueOnce(rateLimitedResponse('20', 5))
        .mockResolvedValueOnce(graphqlResponse({ data: { office: { name: 'Rathaus' } } }));
      const client = setUp();
      const pauses = TestBed.inject(ServerPauses);

      const data = client.request(OFFICE_NAME, { id: 'o1' });
      await settle();
      expect(fetchMock).toHaveBeenCalledTimes(1);
      expect(pauses.notice()).toContain('in etwa 20 Sekunden von selbst noch einmal');

      await jest.advanceTimersByTimeAsync(19_000);
      expect(fetchMock).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(1_000);

      expect((await data).office.name).toBe('Rathaus');
      expect(fetchMock).toHaveBeenCalledTimes(2);
      expect(pauses.notice()).toBeNull();
    });

    it('holds back other requests during the pause instead of sending them', async () => {
      fetchMock.mockResolvedValueOnce(rateLimitedResponse('10'));
      fetchMock.mockResolvedValue(graphqlResponse({ data: { office: { name: 'x' } } }));
      const client = setUp();

      const first = client.request(OFFICE_NAME, { id: 'o1' });
      await settle();
      const second = client.request(OFFICE_NAME, { id: 'o2' });
      await settle();
      expect(fetchMock).toHaveBeenCalledTimes(1);

      await jest.advanceTimersByTimeAsync(10_000);
      await Promise.all([first, second]);
      expect(fetchMock).toHaveBeenCalledTimes(3);
    });

    it('takes the wait from the body when the header is hidden, and 30 seconds when neither names one', async () => {
      fetchMock
        .mockResolvedValueOnce(rateLimitedResponse(null, 7))
        .mockResolvedValueOnce(rateLimitedResponse(null))
        .mockResolvedValueOnce(graphqlResponse({ data: { office: { name: 'x' } } }));
      const client = setUp();
      const pauses = TestBed.inject(ServerPauses);

      const data = client.request(OFFICE_NAME, { id: 'o1' });
      await settle();
      expect(pauses.notice()).toContain('in etwa 7 Sekunden');
      await jest.advanceTimersByTimeAsync(7_000);
      expect(fetchMock).toHaveBeenCalledTimes(2);
      expect(pauses.notice()).toContain('in etwa 30 Sekunden');
      await jest.advanceTimersByTimeAsync(30_000);

      await data;
      expect(fetchMock).toHaveBeenCalledTimes(3);
    });

    it('gives up with RATE_LIMITED after three waits', async () => {
      fetchMock.mockResolvedValue(rateLimitedResponse('1'));
      const result = failure(setUp().request(OFFICE_NAME, { id: 'o1' }));

      await jest.advanceTimersByTimeAsync(10_000);

      expect((await result).code).toBe('RATE_LIMITED');
      expect(fetchMock).toHaveBeenCalledTimes(4);
    });

    it('does not wait out a pause longer than five minutes', async () => {
      fetchMock.mockResolvedValue(rateLimitedResponse('3600'));
      const error = await failure(setUp().request(OFFICE_NAME, { id: 'o1' }));
      expect(error.code).toBe('RATE_LIMITED');
      expect(error.retryAfterSeconds).toBe(3600);
      expect(fetchMock).toHaveBeenCalledTimes(1);
    });

    it('stops waiting when the caller aborts', async () => {
      fetchMock.mockResolvedValue(rateLimitedResponse('30'));
      const controller = new AbortController();
      const result = setUp()
        .request(OFFICE_NAME, { id: 'o1' }, controller.signal)
        .then(
          () => 'sent',
          () => 'aborted',
        );
      await settle();

      controller.abort();

      expect(await result).toBe('aborted');
      expect(fetchMock).toHaveBeenCalledTimes(1);
    });
  });
});

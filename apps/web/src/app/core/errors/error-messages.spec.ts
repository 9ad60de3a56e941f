import {
  API_ERROR_CODES,
  errorFromGraphqlErrors,
  GraphqlRequestError,
  REQUEST_LIMIT_CODES,
} from '../graphql/graphql-request.error';
import { errorMessageFor, errorMessageForCode } from './error-messages';

describe('error messages', () => {
  it('says in plain words that a desk is taken and what to do', () => {
    expect(errorMessageForCode('DESK_TAKEN')).toBe(
      'Dieser Platz ist für diese Zeit schon vergeben. Bitte wählen Sie einen anderen Platz.',
    );
  });

  it('says that the person has booked that time already', () => {
    expect(errorMessageForCode('PERSON_ALREADY_BOOKED')).toBe('Sie haben für diese Zeit schon einen Platz gebucht.');
  });

  it('has its own message for every API code a person can meet', () => {
    const generic = errorMessageForCode('UNKNOWN');
    const limits: readonly string[] = REQUEST_LIMIT_CODES;
    const codes = API_ERROR_CODES.filter((code) => !limits.includes(code));
    const messages = codes.map((code) => errorMessageForCode(code));
    for (const message of messages) {
      expect(message.length).toBeGreaterThan(20);
      expect(message).not.toBe(generic);
    }
    expect(new Set(messages).size).toBe(codes.length);
  });

  it('has one message for requests beyond the GraphQL limits, a fault of the client', () => {
    const messages = new Set(REQUEST_LIMIT_CODES.map((code) => errorMessageForCode(code)));
    expect(messages.size).toBe(1);
    expect([...messages][0]).toContain('Fehler in nahbar, nicht bei Ihnen');
    expect(errorMessageFor(errorFromGraphqlErrors([{ message: 'deep', extensions: { code: 'QUERY_TOO_DEEP' } }]))).toBe(
      errorMessageForCode('QUERY_TOO_LARGE'),
    );
  });

  it('asks to wait a minute after too many requests, and to close tabs after too many connections', () => {
    const rateLimited = errorFromGraphqlErrors([{ message: 'Too many', extensions: { code: 'RATE_LIMITED' } }]);
    expect(errorMessageFor(rateLimited)).toContain('Bitte warten Sie eine Minute');
    expect(errorMessageForCode('TOO_MANY_CONNECTIONS')).toContain('Tabs oder Fenstern');
    expect(errorMessageForCode('TOO_MANY_SUBSCRIPTIONS')).toContain('zu viele Live-Anzeigen');
  });

  it('says that the database is briefly out of reach, in the API’s words when it sent them', () => {
    expect(errorMessageForCode('DATABASE_UNAVAILABLE')).toContain('Datenbank gerade kurz nicht erreichen');
    const fromApi = errorFromGraphqlErrors([
      {
        message: 'The database cannot be reached right now.',
        extensions: {
          code: 'DATABASE_UNAVAILABLE',
          messages: { de: 'Die Datenbank ist gerade nicht erreichbar.', en: 'The database cannot be reached.' },
        },
      },
    ]);
    expect(fromApi.code).toBe('DATABASE_UNAVAILABLE');
    expect(errorMessageFor(fromApi)).toBe('Die Datenbank ist gerade nicht erreichbar.');
  });

  it('reads the code of a failed request', () => {
    const error = new GraphqlRequestError('DATE_IN_PAST', 'date is in the past');
    expect(errorMessageFor(error)).toBe(errorMessageForCode('DATE_IN_PAST'));
  });

  it('names a lost connection as such', () => {
    expect(errorMessageFor(new GraphqlRequestError('NETWORK', 'offline'))).toContain('Keine Verbindung');
  });

  it('falls back to a generic message for anything else', () => {
    expect(errorMessageFor(new TypeError('x is undefined'))).toBe(errorMessageForCode('UNKNOWN'));
    expect(errorMessageFor('boom')).toContain('nicht geklappt');
  });
});

describe('the API’s own German explanation', () => {
  it('is shown when the API sent one, and the fixed text otherwise', () => {
    const withText = errorFromGraphqlErrors([
      {
        message: '3 October 2027 is a public holiday.',
        extensions: { code: 'HOLIDAY', messages: { de: 'Am 03.10.2027 ist Tag der Deutschen Einheit.', en: 'x' } },
      },
    ]);
    expect(withText.code).toBe('HOLIDAY');
    expect(errorMessageFor(withText)).toBe('Am 03.10.2027 ist Tag der Deutschen Einheit.');
    const withoutText = errorFromGraphqlErrors([{ message: 'full', extensions: { code: 'OVER_CAPACITY' } }]);
    expect(errorMessageFor(withoutText)).toContain('Höchstbelegung');
  });
});

describe('the API’s own explanation in English', () => {
  afterEach(() => {
    $localize.locale = 'de';
  });

  it('is the English one in the English app, the German one when English is missing', () => {
    const error = errorFromGraphqlErrors([
      {
        message: '3 October 2027 is a public holiday.',
        extensions: {
          code: 'HOLIDAY',
          messages: { de: 'Am 03.10.2027 ist Tag der Deutschen Einheit.', en: '3 October 2027 is German Unity Day.' },
        },
      },
    ]);
    const germanOnly = errorFromGraphqlErrors([
      { message: 'x', extensions: { code: 'HOLIDAY', messages: { de: 'Nur auf Deutsch.' } } },
    ]);
    $localize.locale = 'en';
    expect(errorMessageFor(error)).toBe('3 October 2027 is German Unity Day.');
    expect(errorMessageFor(germanOnly)).toBe('Nur auf Deutsch.');
  });
});

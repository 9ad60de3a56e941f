import { API_ERROR_CODES, errorFromGraphqlErrors, GraphqlRequestError } from '../graphql/graphql-request.error';
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

  it('has its own message for every API code', () => {
    const generic = errorMessageForCode('UNKNOWN');
    const messages = API_ERROR_CODES.map((code) => errorMessageForCode(code));
    for (const message of messages) {
      expect(message.length).toBeGreaterThan(20);
      expect(message).not.toBe(generic);
    }
    expect(new Set(messages).size).toBe(API_ERROR_CODES.length);
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

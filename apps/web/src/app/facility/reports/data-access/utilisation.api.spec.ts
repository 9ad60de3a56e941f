import { TestBed } from '@angular/core/testing';

import { FETCH } from '../../../core/graphql/graphql-endpoint';
import { errorCodeOf, GraphqlRequestError } from '../../../core/graphql/graphql-request.error';
import { Identity } from '../../../core/identity/identity';
import { csvFileName, UtilisationApi, utilisationCsvPath } from './utilisation.api';

const QUERY = { officeId: 'o1', from: '2026-10-26', to: '2026-11-22' };

/** jsdom has no Response class: the little of one the download reads. */
function csvResponse(status: number, headers: Record<string, string> = {}, text = ''): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    blob: async () => new Blob(['\uFEFFBüro;Von'], { type: 'text/csv' }),
    text: async () => text,
  } as unknown as Response;
}

describe('UtilisationApi.downloadCsv', () => {
  let fetchMock: jest.Mock<Promise<Response>, [string, RequestInit]>;
  let renew: jest.Mock<Promise<boolean>, []>;
  let clicked: { href: string; download: string }[];

  beforeEach(() => {
    clicked = [];
    renew = jest.fn(async () => true);
    fetchMock = jest.fn();
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:csv'), revokeObjectURL: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    TestBed.configureTestingModule({
      providers: [
        { provide: FETCH, useValue: fetchMock },
        { provide: Identity, useValue: { requestHeaders: async () => ({ 'x-nahbar-demo-person': 'p1' }), renew } },
      ],
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('fetches the file in the page’s language with the person’s credentials and saves it under the API’s name', async () => {
    fetchMock.mockResolvedValue(
      csvResponse(200, { 'content-disposition': 'attachment; filename="nahbar-auslastung-2026-10-26-2026-11-22.csv"' }),
    );
    await TestBed.inject(UtilisationApi).downloadCsv(QUERY, 'de');
    expect(fetchMock).toHaveBeenCalledWith(
      '/reports/utilisation.csv?officeId=o1&from=2026-10-26&to=2026-11-22&lang=de',
      { headers: { accept: 'text/csv', 'x-nahbar-demo-person': 'p1' } },
    );
    expect(clicked).toEqual([{ href: 'blob:csv', download: 'nahbar-auslastung-2026-10-26-2026-11-22.csv' }]);
  });

  it('tries once more with renewed credentials, then reports a refusal by its code', async () => {
    fetchMock.mockResolvedValueOnce(csvResponse(401)).mockResolvedValueOnce(csvResponse(403));
    const error = await TestBed.inject(UtilisationApi)
      .downloadCsv(QUERY, 'en')
      .catch((caught: unknown) => caught);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(errorCodeOf(error)).toBe('FORBIDDEN');
    expect(clicked).toEqual([]);
  });

  it('passes on what the API says is wrong with the range', async () => {
    fetchMock.mockResolvedValue(csvResponse(400, {}, 'The end of the range is before its start.'));
    const error = await TestBed.inject(UtilisationApi)
      .downloadCsv(QUERY, 'en')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphqlRequestError);
    expect((error as GraphqlRequestError).apiMessages?.de).toBe('The end of the range is before its start.');
  });

  it('builds the address and a file name when the API gives none', () => {
    expect(utilisationCsvPath(QUERY, 'en')).toBe(
      '/reports/utilisation.csv?officeId=o1&from=2026-10-26&to=2026-11-22&lang=en',
    );
    expect(utilisationCsvPath({ from: QUERY.from, to: QUERY.to }, 'de')).toBe(
      '/reports/utilisation.csv?from=2026-10-26&to=2026-11-22&lang=de',
    );
    expect(csvFileName(null, QUERY)).toBe('nahbar-2026-10-26-2026-11-22.csv');
  });
});

import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { fetchByOperation } from '../../testing/fetch-router';
import { Announcer } from '../core/a11y/announcer';
import { FETCH } from '../core/graphql/graphql-endpoint';
import { DemoSession } from '../core/identity/demo-session';
import { confirmsErasure } from './data-access/my-data.api';
import { MyDataSection } from './my-data-section';

describe('MyDataSection', () => {
  let fixture: ComponentFixture<MyDataSection>;
  let section: HTMLElement;
  let fetchMock: ReturnType<typeof fetchByOperation>;
  let erased: unknown;

  async function stable(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function confirmField(): HTMLInputElement {
    const input = section.querySelector<HTMLInputElement>('#erase-confirmation');
    if (input === null) throw new Error('no confirmation field');
    return input;
  }

  function typeConfirmation(value: string): void {
    confirmField().value = value;
    confirmField().dispatchEvent(new Event('input'));
  }

  const statuses = (): string[] =>
    [...section.querySelectorAll('[role="status"]')].map((status) => status.textContent?.trim() ?? '');
  const requested = (operation: string): unknown[] =>
    fetchMock.mock.calls
      .map(([, init]) => JSON.parse(String(init.body)) as { query: string; variables: unknown })
      .filter((body) => body.query.includes(operation))
      .map((body) => body.variables);

  beforeEach(async () => {
    localStorage.clear();
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:json'), revokeObjectURL: jest.fn() });
    erased = { eraseMyAccount: { cancelledBookings: 2, anonymisedBookings: 5, seatedFromWaitlist: 1 } };
    fetchMock = fetchByOperation({
      MyData: { myData: { fileName: 'nahbar-meine-daten-2026-11-23.json', generatedAt: 'x', json: '{"a":1}' } },
      EraseMyAccount: () => erased,
    });
    TestBed.configureTestingModule({ providers: [{ provide: FETCH, useValue: fetchMock }, provideRouter([])] });
    TestBed.inject(DemoSession).choose('p1');
    fixture = TestBed.createComponent(MyDataSection);
    section = fixture.nativeElement as HTMLElement;
    await stable();
  });

  it('accepts the confirmation word of either language, whatever its case and outer spaces', () => {
    expect(confirmsErasure(' löschen ')).toBe(true);
    expect(confirmsErasure('Delete')).toBe(true);
    expect(confirmsErasure('ja')).toBe(false);
    expect(confirmsErasure('')).toBe(false);
  });

  it('saves the export as a JSON file and says so', async () => {
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    section.querySelector<HTMLButtonElement>('[data-testid="download-my-data"]')?.click();
    await stable();

    expect(clicked).toHaveBeenCalledTimes(1);
    const blob = (URL.createObjectURL as jest.Mock).mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('application/json');
    expect(statuses()[0]).toContain(
      'Erledigt: Ihre Daten sind als Datei nahbar-meine-daten-2026-11-23.json gespeichert.',
    );
    clicked.mockRestore();
  });

  it('explains the erasure and labels the confirmation field', () => {
    expect(section.textContent).toContain('werden Ihre Buchungen ab heute storniert');
    expect(section.textContent).toContain('Das lässt sich nicht rückgängig machen.');
    expect(section.querySelector('label[for="erase-confirmation"]')?.textContent?.trim()).toBe(
      'Geben Sie zur Bestätigung LÖSCHEN ein',
    );
  });

  it('refuses a wrong confirmation next to the field, keeps the focus there and asks nothing of the API', async () => {
    typeConfirmation('ja');
    section.querySelector<HTMLButtonElement>('[data-testid="erase-account"]')?.click();
    await stable();

    expect(confirmField().getAttribute('aria-invalid')).toBe('true');
    expect(confirmField().getAttribute('aria-describedby')).toBe('erase-confirmation-problem');
    expect(section.querySelector('#erase-confirmation-problem')?.textContent).toContain('Bitte geben Sie LÖSCHEN ein');
    expect(document.activeElement).toBe(confirmField());
    expect(requested('eraseMyAccount')).toEqual([]);
  });

  it('erases the account, signs out, goes to the start page and announces the result', async () => {
    const navigated = jest.spyOn(TestBed.inject(Router), 'navigateByUrl');
    const announced = jest.spyOn(TestBed.inject(Announcer), 'announce');
    typeConfirmation('LÖSCHEN');
    section.querySelector<HTMLButtonElement>('[data-testid="erase-account"]')?.click();
    await stable();
    await stable();

    expect(requested('eraseMyAccount')).toEqual([{ confirm: 'LÖSCHEN' }]);
    expect(TestBed.inject(DemoSession).key()).toBeNull();
    expect(navigated).toHaveBeenCalledWith('/');
    expect(announced).toHaveBeenCalledWith(
      'Ihr Konto ist gelöscht. Stornierte künftige Buchungen: 2. Sie sind abgemeldet.',
    );
  });

  it('reports a refusal (the last admin) and stays signed in', async () => {
    erased = new Error('LAST_ADMIN');
    typeConfirmation('löschen');
    section.querySelector<HTMLButtonElement>('[data-testid="erase-account"]')?.click();
    await stable();

    expect(statuses()[1]).toContain('Fehler:');
    expect(TestBed.inject(DemoSession).key()).toBe('demo:p1');
    expect(document.activeElement).toBe(confirmField());
  });
});

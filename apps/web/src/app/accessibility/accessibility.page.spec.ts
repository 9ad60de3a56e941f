import { TestBed } from '@angular/core/testing';

import { GraphqlRequestError } from '../core/graphql/graphql-request.error';
import { AccessibilityPage } from './accessibility.page';
import { AccessibilityFeedbackApi } from './data-access/accessibility-feedback.api';

async function render(contactEmail: () => Promise<string | null>): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    providers: [{ provide: AccessibilityFeedbackApi, useValue: { contactEmail: jest.fn(contactEmail) } }],
  });
  const fixture = TestBed.createComponent(AccessibilityPage);
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('AccessibilityPage', () => {
  it('has what BITV 2.0 asks for: status, limitations, date, feedback contact and the enforcement procedure', async () => {
    const page = await render(async () => 'barrierefreiheit@ldbv.example');
    const headings = [...page.querySelectorAll('h1, h2')].map((heading) => heading.textContent?.trim());
    expect(headings).toEqual([
      'Erklärung zur Barrierefreiheit',
      'Stand der Vereinbarkeit mit den Anforderungen',
      'Nicht barrierefreie Inhalte',
      'Erstellung dieser Erklärung',
      'Feedback und Kontakt',
      'Durchsetzungsverfahren (Schlichtungsverfahren)',
    ]);
    expect(page.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const contact = page.querySelector('[data-testid="accessibility-contact"] a');
    expect(contact?.textContent).toBe('barrierefreiheit@ldbv.example');
    expect(contact?.getAttribute('href')).toBe('mailto:barrierefreiheit@ldbv.example?subject=Barriere%20in%20nahbar');
    expect(page.textContent).toContain('Schlichtungsstelle nach dem Behindertengleichstellungsgesetz');
  });

  it('says whom to ask when the operator set no contact, and when it cannot be loaded', async () => {
    const page = await render(async () => null);
    expect(page.querySelector('[data-testid="accessibility-contact"]')?.textContent).toContain(
      'noch keine Kontaktadresse eingetragen',
    );
    expect(page.querySelector('[data-testid="accessibility-contact"] a')).toBeNull();

    TestBed.resetTestingModule();
    const offline = await render(async () => Promise.reject(new GraphqlRequestError('NETWORK', 'offline')));
    expect(offline.querySelector('[data-testid="accessibility-contact-error"]')?.textContent).toContain(
      'Die Kontaktadresse konnte nicht geladen werden.',
    );
  });
});

import type { Locator, Page } from 'playwright-core';

import { openDayInBavaria } from './support/dates.js';
import { DemoApp } from './support/demo-app.js';
import { officeIdOf } from './support/pages.js';

const OFFICE = 'Co-Working Erlangen Hauptbahnhof';

/** "2026-11-24" → "Dienstag, 24. November 2026", as the team page writes a team day's heading. */
function longGermanDate(date: string): string {
  return new Intl.DateTimeFormat('de-DE', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T12:00:00Z`));
}

describe('a team lead plans a team day and a member answers it live', () => {
  let app: DemoApp;

  beforeAll(async () => {
    app = await DemoApp.start();
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** From the booking page through the navigation to the team Geodaten, as a person would go. */
  async function openTeamPage(personName: string): Promise<Page> {
    const page = await app.openAs(personName);
    await page.getByRole('link', { name: 'Team', exact: true }).click();
    await page.waitForURL(/\/team$/);
    await page.getByRole('link', { name: 'Geodaten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Team Geodaten' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Anstehende Teamtage' }).waitFor();
    return page;
  }

  const dayCard = (page: Page, date: string): Locator =>
    page
      .locator('nb-team-day-card')
      .filter({ has: page.getByRole('heading', { level: 3, name: longGermanDate(date) }) });

  it('creates the day after the preview; the member sees it live and answers; the lead sees it and cancels', async () => {
    const date = openDayInBavaria(10);

    const member = await openTeamPage('Anna Schmidt');
    await member.evaluate(() => Object.assign(window, { nahbarNoReload: true }));

    const lead = await openTeamPage('Mehmet Yılmaz');
    const form = lead.getByRole('region', { name: 'Teamtag anlegen' });
    const officeId = await officeIdOf(form, OFFICE);
    await form.getByLabel('Büro').selectOption(officeId);
    await form.getByLabel('Datum').fill(date);
    await form.getByLabel('Tageszeit').selectOption('FULL_DAY');
    await form.getByLabel('Pflichttermin: Alle im Team sollen kommen').check();
    await form.getByLabel('Hinweis für das Team (freiwillig)').fill('Wir planen das nächste Quartal.');

    // Before saving, the lead sees whether everybody gets a desk: nine members, ten desks in one area.
    const preview = form.getByTestId('team-day-preview');
    await preview.getByText('Personen, die einen Platz brauchen, bekommen einen.').waitFor({ timeout: 5000 });
    expect(await preview.textContent()).toContain('Das Team sitzt nebeneinander im Bereich Offene Fläche.');
    await form.getByRole('button', { name: 'Teamtag speichern' }).click();

    // The lead continues at the new day, which books a desk for them as well.
    const leadCard = dayCard(lead, date);
    await leadCard.waitFor({ timeout: 5000 });
    expect(await lead.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    expect(await leadCard.textContent()).toContain('Pflichttermin: Alle im Team sollen kommen.');

    // The member sees the day appear live and answers.
    const memberCard = dayCard(member, date);
    await memberCard.waitFor({ timeout: 2000 });
    expect(await memberCard.textContent()).toContain('Wir planen das nächste Quartal.');
    const coming = memberCard.getByRole('button', { name: 'Ich komme' });
    expect(await coming.getAttribute('aria-pressed')).toBe('false');
    await coming.click();
    await memberCard.locator('button[aria-pressed="true"]', { hasText: 'Ich komme' }).waitFor({ timeout: 5000 });
    expect(await memberCard.getByTestId('team-day-my-desk').textContent()).toContain('Ihr Platz:');
    expect(await member.evaluate(() => 'nahbarNoReload' in window)).toBe(true);

    // The lead sees the count change live, and Anna's answer among the members' answers.
    await leadCard
      .getByTestId('team-day-counts')
      .getByText(/^1 kommt/)
      .waitFor({ timeout: 2000 });
    await leadCard.getByText('Antworten der einzelnen Mitglieder').click();
    await leadCard.getByText(/Anna Schmidt:\s*kommt, hat einen Platz/).waitFor();

    // The lead cancels the day after confirming; it leaves the member's page live.
    await leadCard.getByRole('button', { name: 'Absagen' }).click();
    await leadCard.getByRole('button', { name: 'Ja, Teamtag absagen' }).click();
    await leadCard.waitFor({ state: 'detached', timeout: 5000 });
    await memberCard.waitFor({ state: 'detached', timeout: 2000 });
    expect(await member.evaluate(() => 'nahbarNoReload' in window)).toBe(true);
  });
});

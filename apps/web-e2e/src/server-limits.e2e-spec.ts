import type { Browser, BrowserContext, Page } from 'playwright-core';

import { launchChromium } from './support/browser.js';
import { DemoApp } from './support/demo-app.js';
import { DemoGraphql } from './support/demo-graphql.js';
import { type RunningServer, startServer } from './support/server.js';

/**
 * The web client when the API asks it to hold back (issue 9), against the built app started with low limits
 * (NAHBAR_RATE_LIMIT_*): it tells the person in the page's status region that it waits and will try again, does so
 * by itself after the wait the API named, and then shows the page. The waits are deadlines against a hung test, not
 * measurements.
 */

const PERSON = 'Thomas Becker';
const STATUS_TIMEOUT = 45_000;

/** The built app with `env`, and a browser whose contexts the test closes when it wants. */
async function start(env: Record<string, string>): Promise<{ server: RunningServer; browser: Browser }> {
  const server = await startServer(env);
  try {
    return { server, browser: await launchChromium() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function openAs(browser: Browser, url: string, person: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await page.goto(url);
  await DemoApp.choosePerson(page, person);
  await page.waitForURL(/\/buchen/);
  return { context, page };
}

/** The shell's status region for pauses the API asked for. */
const pauseNotice = (page: Page) => page.getByTestId('server-pause').getByRole('status');

describe('too many requests (HTTP 429)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    // A person's budget the page's own reads fit in, and a window long enough to see the page wait.
    ({ server, browser } = await start({
      NAHBAR_RATE_LIMIT_PERSON: '60',
      NAHBAR_RATE_LIMIT_ADDRESS: '100000',
      NAHBAR_RATE_LIMIT_WINDOW_SECONDS: '20',
    }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says that it waits and tries again, then loads the page by itself', async () => {
    const { page } = await openAs(browser, server.url, PERSON);
    await page.getByTestId('current-person').waitFor();
    expect((await pauseNotice(page).textContent())?.trim()).toBe('');

    // Somebody else with the same sign-in (another program) uses up the person's requests of this window.
    const personId = await new DemoGraphql(server.url).personId(PERSON);
    let refused = 0;
    for (let sent = 0; sent < 100 && refused === 0; sent += 1) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-nahbar-demo-person': personId },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (response.status === 429) refused += 1;
      await response.body?.cancel();
    }
    expect(refused).toBe(1);

    await page.reload();
    const notice = pauseNotice(page).getByText(/versucht es in etwa \d+ Sekunden von selbst noch einmal/);
    await notice.waitFor({ timeout: STATUS_TIMEOUT });
    expect(await pauseNotice(page).getAttribute('aria-live')).toBe('polite');
    expect(await pauseNotice(page).textContent()).toContain('Hinweis:');

    // Once the window is over, the requests go through without a reload.
    await page.getByTestId('current-person').waitFor({ timeout: STATUS_TIMEOUT });
    await notice.waitFor({ state: 'detached', timeout: STATUS_TIMEOUT });
    expect(await page.getByTestId('current-person').textContent()).toContain(PERSON);
  }, 120_000);
});

describe('too many live connections (close code 4429)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await start({ NAHBAR_RATE_LIMIT_WS_CONNECTIONS: '1' }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says why the live view rests in the second tab, and connects once the first one is closed', async () => {
    const first = await openAs(browser, server.url, PERSON);
    await first.page.getByTestId('live-state').getByText('Live: Änderungen erscheinen sofort.').waitFor();

    const second = await openAs(browser, server.url, PERSON);
    const notice = pauseNotice(second.page).getByText(/in sehr vielen Tabs oder Fenstern zugleich geöffnet/);
    await notice.waitFor({ timeout: STATUS_TIMEOUT });
    expect(await pauseNotice(second.page).textContent()).toMatch(/versucht es in etwa \d+ Sekunden von selbst/);

    // The person closes the other tab: after the wait, the live view comes back by itself.
    await first.context.close();
    await second.page
      .getByTestId('live-state')
      .getByText('Live: Änderungen erscheinen sofort.')
      .waitFor({ timeout: STATUS_TIMEOUT });
    await notice.waitFor({ state: 'detached', timeout: STATUS_TIMEOUT });
    await second.context.close();
  }, 120_000);
});

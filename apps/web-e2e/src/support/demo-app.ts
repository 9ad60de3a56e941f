import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

import { launchChromium } from './browser.js';
import { DemoGraphql } from './demo-graphql.js';
import { type RunningServer, startServer } from './server.js';

export interface DemoAppOptions {
  /**
   * The instant the server's clock and every browser's clock start at (both run on from there): for what depends on
   * the day and the time of day, such as the check-in window.
   */
  readonly now?: Date;
}

/** The built app in demo mode and a browser: each person gets a context of their own, like a computer of their own. */
export class DemoApp {
  private readonly contexts: BrowserContext[] = [];
  /** The API as demo people, for what a test sets up without a browser. */
  readonly graphql: DemoGraphql;

  private constructor(
    readonly server: RunningServer,
    private readonly browser: Browser,
    private readonly clock: { readonly start: number; readonly startedAt: number } | null,
  ) {
    this.graphql = new DemoGraphql(server.url);
  }

  static async start(options: DemoAppOptions = {}): Promise<DemoApp> {
    const startedAt = Date.now();
    const server = await startServer({}, options.now ? { now: options.now } : {});
    try {
      const clock = options.now ? { start: options.now.getTime(), startedAt } : null;
      return new DemoApp(server, await launchChromium(), clock);
    } catch (error) {
      await server.stop();
      throw error;
    }
  }

  get url(): string {
    return this.server.url;
  }

  /**
   * A device of its own (a browser context: its own storage, so nobody is chosen yet), German, in Berlin; with
   * `options` e.g. a phone's viewport. With a clock for the app, the device's clock shows the server's time.
   */
  async newDevice(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const context = await this.browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', ...options });
    this.contexts.push(context);
    if (this.clock) {
      await context.clock.install({ time: this.clock.start + (Date.now() - this.clock.startedAt) });
    }
    return context;
  }

  /** Opens the start page on a device of its own, chooses the demo person and continues, as a person would. */
  async openAs(personName: string, options: BrowserContextOptions = {}): Promise<Page> {
    const page = await (await this.newDevice(options)).newPage();
    await page.goto(this.server.url);
    await DemoApp.choosePerson(page, personName);
    await page.waitForURL(/\/buchen/);
    return page;
  }

  /** On the start page: chooses the demo person and continues (to the page asked for, if the app was sent here). */
  static async choosePerson(page: Page, personName: string): Promise<void> {
    await page.getByRole('radio', { name: new RegExp(personName) }).check();
    await page.getByRole('button', { name: 'Weiter' }).click();
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close();
    await this.browser.close();
    await this.server.stop();
  }
}

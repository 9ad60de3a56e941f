import type { Browser, BrowserContext, Page } from 'playwright-core';

import { launchChromium } from './browser.js';
import { type RunningServer, startServer } from './server.js';

/** The built app in demo mode and a browser: each person gets a context of their own, like a computer of their own. */
export class DemoApp {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly server: RunningServer,
    private readonly browser: Browser,
  ) {}

  static async start(): Promise<DemoApp> {
    const server = await startServer();
    try {
      return new DemoApp(server, await launchChromium());
    } catch (error) {
      await server.stop();
      throw error;
    }
  }

  get url(): string {
    return this.server.url;
  }

  /** Opens the start page, chooses the demo person and continues, as a person would. */
  async openAs(personName: string): Promise<Page> {
    const context = await this.browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    this.contexts.push(context);
    const page = await context.newPage();
    await page.goto(this.server.url);
    await page.getByRole('radio', { name: new RegExp(personName) }).check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.waitForURL(/\/buchen/);
    return page;
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close();
    await this.browser.close();
    await this.server.stop();
  }
}

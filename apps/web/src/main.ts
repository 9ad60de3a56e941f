import { bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app';
import { appConfig } from './app/app.config';
import { authProviders } from './app/core/identity/auth-providers';
import { loadAuthSetup } from './app/core/identity/auth-setup';

/** Asks the server how people sign in, then starts the app with that sign-in. */
async function start(): Promise<void> {
  const setup = await loadAuthSetup(globalThis.fetch.bind(globalThis));
  const providers = await authProviders(setup, globalThis.location.origin);
  await bootstrapApplication(App, appConfig(providers));
}

start().catch((err) => console.error(err));

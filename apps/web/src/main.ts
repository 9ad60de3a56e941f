import { isDevMode } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app';
import { appConfig } from './app/app.config';
import { authProviders } from './app/core/identity/auth-providers';
import { loadAuthSetup } from './app/core/identity/auth-setup';
import { browserStorage } from './app/core/offline/last-known.store';
import { registerServiceWorker } from './app/core/pwa/service-worker';

/** Asks the server how people sign in, then starts the app with that sign-in. */
async function start(): Promise<void> {
  const setup = await loadAuthSetup(globalThis.fetch.bind(globalThis), browserStorage());
  const providers = await authProviders(setup, globalThis.location.origin);
  await bootstrapApplication(App, appConfig(providers));
  // Not in development: the dev server's file names carry no hash, so cached files would hide changes.
  if (!isDevMode()) void registerServiceWorker();
}

start().catch((err) => console.error(err));

import type { ApplicationConfig, EnvironmentProviders, Provider } from '@angular/core';
import { provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter } from '@angular/router';

import { appRoutes } from './app.routes';

/** The app's providers, with those of the sign-in the server runs (see `authProviders`). */
export function appConfig(authProviders: readonly (Provider | EnvironmentProviders)[]): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideZonelessChangeDetection(),
      provideRouter(appRoutes),
      ...authProviders,
    ],
  };
}

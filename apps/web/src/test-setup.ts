// $localize for the texts marked in TypeScript; tests run in the source language (German).
import '@angular/localize/init';
// Before @angular/common: its partially compiled classes need the JIT compiler (setupZonelessTestEnv loads it too).
import '@angular/compiler';

import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

// As the build does for each language: plural rules and formats of the source language.
registerLocaleData(localeDe);
$localize.locale = 'de';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

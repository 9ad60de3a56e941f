import { inject } from '@angular/core';
import type { CanMatchFn } from '@angular/router';
import { Router } from '@angular/router';

import { ROUTE_LINKS } from '../../app.paths';
import { DemoIdentity } from './demo-identity';

/** Pages that act for a person send visitors without one to the start page. */
export const personChosenGuard: CanMatchFn = () =>
  inject(DemoIdentity).hasPerson() || inject(Router).parseUrl(ROUTE_LINKS.start);

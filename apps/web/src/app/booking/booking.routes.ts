import type { Routes } from '@angular/router';

import { BookingPage } from './booking.page';

export const BOOKING_ROUTES: Routes = [{ path: '', title: $localize`Platz buchen – nahbar`, component: BookingPage }];

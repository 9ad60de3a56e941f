import type { Routes } from '@angular/router';

import { FavouritesPage } from './favourites.page';

export const FAVOURITES_ROUTES: Routes = [
  { path: '', title: $localize`Favoriten – nahbar`, component: FavouritesPage },
];

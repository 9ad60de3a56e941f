import type { Routes } from '@angular/router';

import { FacilityShell } from './facility-shell';

/** The facility area (/standort): the live occupancy board, the running of the offices and their utilisation over time, with tabs between them. */
export const FACILITY_ROUTES: Routes = [
  {
    path: '',
    component: FacilityShell,
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: $localize`Belegung – nahbar`,
        loadComponent: () => import('./occupancy/occupancy.page').then((m) => m.OccupancyPage),
      },
      {
        path: 'verwaltung',
        title: $localize`Standortverwaltung – nahbar`,
        loadComponent: () => import('./operations/facility-operations.page').then((m) => m.FacilityOperationsPage),
      },
      {
        path: 'import',
        title: $localize`Plätze importieren – nahbar`,
        loadComponent: () => import('./import/desk-import.page').then((m) => m.DeskImportPage),
      },
      {
        path: 'auslastung',
        title: $localize`:utilisation over a range|:Auslastung – nahbar`,
        // A lazy chunk of its own: Chart.js is loaded only here, never in the initial bundle.
        loadComponent: () => import('./reports/utilisation.page').then((m) => m.UtilisationPage),
      },
    ],
  },
];

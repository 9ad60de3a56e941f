import { computed, inject, Injectable, signal } from '@angular/core';

import { errorMessageFor } from '../../core/errors/error-messages';
import { errorCodeOf } from '../../core/graphql/graphql-request.error';
import { CurrentPerson } from '../../core/identity/current-person';
import { type MapConfiguration, NearHomeApi, type OfficeNearHome, type PostalCodePlace } from './near-home.api';

export type NearHomeState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly offices: readonly OfficeNearHome[] }
  /** No home postal code (or one the postal-code data does not know): the page asks for it. */
  | { readonly status: 'no-postal-code' }
  | { readonly status: 'error'; readonly message: string };

/**
 * The "near home" page's data: the offices ranked by distance within the chosen radius, the home place, and the
 * map's tile server. A newer request wins over an older one still on its way.
 */
@Injectable()
export class NearHomeStore {
  private readonly api = inject(NearHomeApi);
  private readonly currentPerson = inject(CurrentPerson);
  private pending: AbortController | null = null;

  readonly homePostalCode = computed(() => this.currentPerson.profile()?.homePostalCode ?? null);
  readonly radius = signal<number | null>(null);
  readonly state = signal<NearHomeState>({ status: 'loading' });
  readonly home = signal<PostalCodePlace | null>(null);
  /** Undefined until known; null tile URL: no map on this server. */
  readonly map = signal<MapConfiguration | undefined>(undefined);

  readonly offices = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.offices : [];
  });

  async open(): Promise<void> {
    void this.loadMapConfiguration();
    const code = this.homePostalCode();
    if (code !== null) {
      void this.api.postalCodePlace(code).then(
        (place) => this.home.set(place),
        () => this.home.set(null),
      );
    }
    await this.load();
  }

  async chooseRadius(radius: number | null): Promise<void> {
    this.radius.set(radius);
    await this.load();
  }

  private async load(): Promise<void> {
    this.pending?.abort();
    if (this.homePostalCode() === null) {
      this.state.set({ status: 'no-postal-code' });
      return;
    }
    const controller = new AbortController();
    this.pending = controller;
    this.state.set({ status: 'loading' });
    try {
      const offices = await this.api.officesNearHome(this.radius(), controller.signal);
      if (!controller.signal.aborted) this.state.set({ status: 'ready', offices });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.state.set(
        errorCodeOf(error) === 'HOME_POSTAL_CODE_MISSING'
          ? { status: 'no-postal-code' }
          : { status: 'error', message: errorMessageFor(error) },
      );
    }
  }

  private async loadMapConfiguration(): Promise<void> {
    try {
      this.map.set(await this.api.mapConfiguration());
    } catch {
      // Without the settings there is no map; the list is the page's primary view and works on.
      this.map.set({ tileUrl: null, attribution: null });
    }
  }
}

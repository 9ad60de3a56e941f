import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { BOOKING_QUERY_PARAMS, ROUTE_LINKS } from '../app.paths';
import { Announcer } from '../core/a11y/announcer';
import { landName } from '../shared/labels/office.labels';
import { NearHomeStore } from './data-access/near-home.store';
import {
  distanceLabel,
  RADIUS_CHOICES,
  radiusFromOptionValue,
  radiusOptionValue,
  resultSummary,
} from './near-home.labels';
import { OfficeMap } from './ui/office-map';

/**
 * "In der Nähe": the offices the person may book, nearest to their home postal code first, within a radius, each
 * with a link to its desks; and the same offices on a map. The list is the page: it works without the map, and
 * without network for the tiles.
 */
@Component({
  selector: 'nb-near-home-page',
  imports: [OfficeMap, RouterLink],
  providers: [NearHomeStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './near-home.page.html',
  styleUrl: './near-home.page.css',
})
export class NearHomePage {
  protected readonly store = inject(NearHomeStore);
  private readonly announcer = inject(Announcer);

  protected readonly links = ROUTE_LINKS;
  protected readonly viewDesksLabel = (office: string): string => $localize`Plätze ansehen: ${office}:office:`;
  protected readonly radiusChoices = RADIUS_CHOICES;
  protected readonly radiusOptionValue = radiusOptionValue;
  protected readonly distanceLabel = distanceLabel;
  protected readonly landName = landName;

  protected readonly summary = computed(() => resultSummary(this.store.offices().length, this.store.radius()));
  /** The map's tile settings once known and set; null: no map on this server. */
  protected readonly tiles = computed(() => {
    const map = this.store.map();
    return map?.tileUrl ? { url: map.tileUrl, attribution: map.attribution ?? '' } : null;
  });

  constructor() {
    void this.store.open();
  }

  protected bookingParams(officeId: string): Record<string, string> {
    return { [BOOKING_QUERY_PARAMS.office]: officeId };
  }

  protected async chooseRadius(value: string): Promise<void> {
    await this.store.chooseRadius(radiusFromOptionValue(value));
    if (this.store.state().status === 'ready') this.announcer.announce(this.summary());
  }
}

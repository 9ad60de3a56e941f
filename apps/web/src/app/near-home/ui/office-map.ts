import {
  ChangeDetectionStrategy,
  Component,
  effect,
  type ElementRef,
  inject,
  input,
  type OnDestroy,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';
import type * as Leaflet from 'leaflet';

import { BOOKING_QUERY_PARAMS, ROUTE_LINKS } from '../../app.paths';
import type { OfficeNearHome, PostalCodePlace } from '../data-access/near-home.api';
import { distanceLabel } from '../near-home.labels';
import { LEAFLET_LOADER, type LeafletModule } from './leaflet-loader';

type MapStatus = 'loading' | 'ready' | 'failed';

/** Germany as a whole: the view before anything is placed. */
const GERMANY: [[number, number], [number, number]] = [
  [47.2, 5.8],
  [55.1, 15.1],
];

/**
 * The offices on a map (Leaflet), numbered as in the list. An addition to the list, never a replacement: when
 * Leaflet cannot load the map says so, and when tiles fail the markers stay and a note says the background is
 * missing. Markers are buttons in the tab order, named by their office; Enter opens a popup with a link to book.
 */
@Component({
  selector: 'nb-office-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './office-map.html',
  styleUrl: './office-map.css',
})
export class OfficeMap implements OnDestroy {
  readonly offices = input.required<readonly OfficeNearHome[]>();
  readonly home = input<PostalCodePlace | null>(null);
  readonly tileUrl = input.required<string>();
  readonly attribution = input.required<string>();

  private readonly loadLeaflet = inject(LEAFLET_LOADER);
  private readonly router = inject(Router);
  private readonly container = viewChild.required<ElementRef<HTMLElement>>('map');

  protected readonly status = signal<MapStatus>('loading');
  protected readonly tilesFailed = signal(false);

  private leaflet: LeafletModule | null = null;
  private map: Leaflet.Map | null = null;
  private markers: Leaflet.LayerGroup | null = null;
  private destroyed = false;

  constructor() {
    effect(() => {
      const offices = this.offices();
      const home = this.home();
      untracked(() => void this.show(offices, home));
    });
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    this.map?.remove();
    this.map = null;
  }

  private async show(offices: readonly OfficeNearHome[], home: PostalCodePlace | null): Promise<void> {
    const L = await this.ready();
    if (L === null || this.map === null || this.markers === null) return;
    this.markers.clearLayers();
    const points: [number, number][] = [];
    if (home !== null) {
      const marker = L.marker([home.latitude, home.longitude], {
        icon: L.divIcon({ className: 'nb-map-home', html: '<span aria-hidden="true">⌂</span>', iconSize: [30, 30] }),
        title: $localize`Ihr Wohnort: ${home.code} ${home.place}`,
        keyboard: false,
        zIndexOffset: -100,
      });
      this.markers.addLayer(marker);
      points.push([home.latitude, home.longitude]);
    }
    offices.forEach((entry, index) => {
      const rank = index + 1;
      const name = `${rank}. ${entry.office.name}, ${entry.office.municipality.name}, ${distanceLabel(entry.distanceKm)}`;
      const marker = L.marker([entry.latitude, entry.longitude], {
        icon: L.divIcon({
          className: 'nb-map-marker',
          html: `<span aria-hidden="true">${rank}</span>`,
          iconSize: [30, 30],
        }),
        title: name,
        keyboard: true,
        riseOnHover: true,
      }).bindPopup(() => this.popup(entry, rank));
      this.markers?.addLayer(marker);
      marker.getElement()?.setAttribute('aria-label', name);
      points.push([entry.latitude, entry.longitude]);
    });
    if (points.length > 0) this.map.fitBounds(L.latLngBounds(points), { padding: [30, 30], maxZoom: 12 });
    else this.map.fitBounds(GERMANY);
  }

  /** Leaflet and the map, created on first use; null when Leaflet could not load. */
  private async ready(): Promise<LeafletModule | null> {
    if (this.leaflet !== null) return this.leaflet;
    if (this.status() === 'failed') return null;
    let L: LeafletModule;
    try {
      L = await this.loadLeaflet();
    } catch {
      this.status.set('failed');
      return null;
    }
    if (this.destroyed) return null;
    if (this.leaflet !== null) return this.leaflet;
    const map = L.map(this.container().nativeElement, { scrollWheelZoom: false, keyboard: true, zoomSnap: 0.5 });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    L.tileLayer(this.tileUrl(), { attribution: escapeHtml(this.attribution()), maxZoom: 18 })
      .on('tileerror', () => this.tilesFailed.set(true))
      .addTo(map);
    map.fitBounds(GERMANY);
    this.markers = L.layerGroup().addTo(map);
    this.map = map;
    this.leaflet = L;
    this.status.set('ready');
    return L;
  }

  private popup(entry: OfficeNearHome, rank: number): HTMLElement {
    const root = document.createElement('div');
    const title = document.createElement('strong');
    title.textContent = `${rank}. ${entry.office.name}`;
    const where = document.createElement('p');
    where.textContent = `${entry.office.address} · ${distanceLabel(entry.distanceKm)}`;
    const link = document.createElement('a');
    const tree = this.router.createUrlTree([ROUTE_LINKS.booking], {
      queryParams: { [BOOKING_QUERY_PARAMS.office]: entry.office.id },
    });
    link.href = this.router.serializeUrl(tree);
    link.textContent = $localize`Plätze ansehen`;
    link.setAttribute('aria-label', $localize`Plätze ansehen: ${entry.office.name}`);
    link.addEventListener('click', (event) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      void this.router.navigateByUrl(tree);
    });
    root.append(title, where, link);
    return root;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

import { DOCUMENT, inject, InjectionToken } from '@angular/core';
import type * as Leaflet from 'leaflet';

export type LeafletModule = typeof Leaflet;

/**
 * Loads Leaflet and its stylesheet on first use: neither is in the initial bundle, and the code comes from this
 * server (not a CDN), so the map works as far as the tiles allow. Tests replace it.
 */
export const LEAFLET_LOADER = new InjectionToken<() => Promise<LeafletModule>>('LEAFLET_LOADER', {
  providedIn: 'root',
  factory: () => {
    const document = inject(DOCUMENT);
    return async () => {
      addStylesheet(document, LEAFLET_STYLESHEET);
      const module = (await import('leaflet')) as LeafletModule & { readonly default?: LeafletModule };
      return module.default ?? module;
    };
  },
});

/** Built by the web project's `styles` entry with `inject: false` (see apps/web/project.json). */
export const LEAFLET_STYLESHEET = 'leaflet.css';

function addStylesheet(document: Document, href: string): void {
  if (document.head.querySelector(`link[data-nb-stylesheet="${href}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  link.dataset['nbStylesheet'] = href;
  document.head.appendChild(link);
}

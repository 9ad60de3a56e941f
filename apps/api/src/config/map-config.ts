import { ConfigError } from './app-config.js';

/** Where the "near home" map takes its background tiles from. */
export interface MapConfig {
  /** Leaflet tile URL template with {z}, {x} and {y} (and optionally {s} and {r}). */
  readonly tileUrl: string;
  /** Credit the tile provider requires, as plain text (shown on the map). */
  readonly attribution: string;
}

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_ATTRIBUTION = '© OpenStreetMap-Mitwirkende (openstreetmap.org/copyright)';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * NAHBAR_MAP_TILE_URL and NAHBAR_MAP_ATTRIBUTION. Unset: OpenStreetMap's tiles with their credit. Empty: no map
 * (the list of offices stays; for networks that must not reach a tile server). A custom tile URL needs its credit.
 */
export function readMapConfig(env: Env): MapConfig | undefined {
  const rawUrl = env['NAHBAR_MAP_TILE_URL'];
  const rawAttribution = env['NAHBAR_MAP_ATTRIBUTION'];
  if (rawUrl !== undefined && rawUrl.trim() === '') return undefined;
  const tileUrl = rawUrl?.trim() ?? DEFAULT_TILE_URL;
  let url: URL;
  try {
    url = new URL(tileUrl.replace(/\{[a-z]\}/g, '0'));
  } catch {
    throw new ConfigError(
      `NAHBAR_MAP_TILE_URL is not a URL; expected e.g. ${DEFAULT_TILE_URL} (or empty for no map), got "${tileUrl}".`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('NAHBAR_MAP_TILE_URL must start with https:// (or http://).');
  }
  const missing = ['{z}', '{x}', '{y}'].filter((placeholder) => !tileUrl.includes(placeholder));
  if (missing.length > 0) {
    throw new ConfigError(`NAHBAR_MAP_TILE_URL must contain ${missing.join(', ')}, like ${DEFAULT_TILE_URL}.`);
  }
  const unknown = tileUrl.match(/\{(?![zxysr]\})[^}]*\}/);
  if (unknown) {
    throw new ConfigError(
      `NAHBAR_MAP_TILE_URL has the unknown placeholder ${unknown[0]}; use {z}, {x}, {y}, {s}, {r}.`,
    );
  }
  const attribution = rawAttribution?.trim() || (tileUrl === DEFAULT_TILE_URL ? DEFAULT_ATTRIBUTION : '');
  if (attribution === '') {
    throw new ConfigError(
      'NAHBAR_MAP_ATTRIBUTION is required with a custom NAHBAR_MAP_TILE_URL: tile providers require their credit.',
    );
  }
  if (attribution.length > 300 || /[<>]/.test(attribution)) {
    throw new ConfigError('NAHBAR_MAP_ATTRIBUTION must be plain text (no < or >) of at most 300 characters.');
  }
  return { tileUrl, attribution };
}

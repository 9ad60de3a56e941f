import { ConfigError, loadConfig } from './app-config.js';
import { DEFAULT_ATTRIBUTION, DEFAULT_TILE_URL, readMapConfig } from './map-config.js';

describe('readMapConfig', () => {
  it("uses OpenStreetMap's tiles and credit by default", () => {
    expect(readMapConfig({})).toEqual({ tileUrl: DEFAULT_TILE_URL, attribution: DEFAULT_ATTRIBUTION });
    expect(loadConfig({}, '/srv/nahbar').map).toEqual({ tileUrl: DEFAULT_TILE_URL, attribution: DEFAULT_ATTRIBUTION });
  });

  it('switches the map off with an empty tile URL', () => {
    expect(readMapConfig({ NAHBAR_MAP_TILE_URL: '' })).toBeUndefined();
    expect(readMapConfig({ NAHBAR_MAP_TILE_URL: '  ', NAHBAR_MAP_ATTRIBUTION: 'x' })).toBeUndefined();
    expect(loadConfig({ NAHBAR_MAP_TILE_URL: '' }, '/srv/nahbar').map).toBeUndefined();
  });

  it('takes a custom tile server with its credit', () => {
    expect(
      readMapConfig({
        NAHBAR_MAP_TILE_URL: 'https://tiles.example.de/{s}/{z}/{x}/{y}{r}.png',
        NAHBAR_MAP_ATTRIBUTION: ' © Landesamt für Vermessung ',
      }),
    ).toEqual({
      tileUrl: 'https://tiles.example.de/{s}/{z}/{x}/{y}{r}.png',
      attribution: '© Landesamt für Vermessung',
    });
    expect(readMapConfig({ NAHBAR_MAP_ATTRIBUTION: 'Kartenkacheln: OSM' })).toEqual({
      tileUrl: DEFAULT_TILE_URL,
      attribution: 'Kartenkacheln: OSM',
    });
  });

  it('refuses a custom tile server without credit', () => {
    expect(() => readMapConfig({ NAHBAR_MAP_TILE_URL: 'https://tiles.example.de/{z}/{x}/{y}.png' })).toThrow(
      /NAHBAR_MAP_ATTRIBUTION is required/,
    );
  });

  it('refuses tile URLs that are no URL, use another scheme, or lack or misspell a placeholder', () => {
    for (const url of [
      'tiles.example.de/{z}/{x}/{y}.png',
      'ftp://tiles.example.de/{z}/{x}/{y}.png',
      'https://tiles.example.de/{z}/{x}.png',
      'https://tiles.example.de/{zoom}/{z}/{x}/{y}.png',
    ]) {
      expect(() => readMapConfig({ NAHBAR_MAP_TILE_URL: url, NAHBAR_MAP_ATTRIBUTION: 'Credit' })).toThrow(ConfigError);
    }
  });

  it('refuses an attribution with markup or of absurd length', () => {
    expect(() => readMapConfig({ NAHBAR_MAP_ATTRIBUTION: '<script>alert(1)</script>' })).toThrow(ConfigError);
    expect(() => readMapConfig({ NAHBAR_MAP_ATTRIBUTION: 'x'.repeat(301) })).toThrow(ConfigError);
  });
});

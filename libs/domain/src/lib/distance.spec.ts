import fc from 'fast-check';

import { distanceKm, EARTH_RADIUS_KM, type GeoPoint, roundKm } from './distance.js';

/** Coordinates as the postal-code data gives them (GeoNames). */
const ERLANGEN_91052: GeoPoint = { latitude: 49.5888, longitude: 11.0098 };
const FUERTH_90762: GeoPoint = { latitude: 49.4706, longitude: 10.9971 };
const BERLIN: GeoPoint = { latitude: 52.52, longitude: 13.405 };
const MUNICH: GeoPoint = { latitude: 48.1374, longitude: 11.5755 };

const point = fc.record({
  latitude: fc.double({ min: -90, max: 90, noNaN: true }),
  longitude: fc.double({ min: -180, max: 180, noNaN: true }),
});

describe('distanceKm', () => {
  it('is zero from a point to itself', () => {
    expect(distanceKm(ERLANGEN_91052, ERLANGEN_91052)).toBe(0);
  });

  it('measures Erlangen to Fürth at about 13 km', () => {
    expect(distanceKm(ERLANGEN_91052, FUERTH_90762)).toBeCloseTo(13.2, 1);
  });

  it('measures Berlin to Munich at about 504 km (the published straight-line distance)', () => {
    expect(distanceKm(BERLIN, MUNICH)).toBeGreaterThan(503);
    expect(distanceKm(BERLIN, MUNICH)).toBeLessThan(506);
  });

  it('measures one degree of latitude at 111.2 km and a degree of longitude shorter further north', () => {
    expect(distanceKm({ latitude: 0, longitude: 10 }, { latitude: 1, longitude: 10 })).toBeCloseTo(111.19, 1);
    const atEquator = distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 });
    const inGermany = distanceKm({ latitude: 50, longitude: 0 }, { latitude: 50, longitude: 1 });
    expect(inGermany).toBeCloseTo(atEquator * Math.cos((50 * Math.PI) / 180), 2);
  });

  it('crosses the date line the short way and reaches half the circumference at the antipode', () => {
    expect(distanceKm({ latitude: 0, longitude: 179.5 }, { latitude: 0, longitude: -179.5 })).toBeCloseTo(111.19, 1);
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(
      Math.PI * EARTH_RADIUS_KM,
      6,
    );
  });

  it('refuses coordinates that are no point on the earth', () => {
    expect(() => distanceKm({ latitude: 91, longitude: 0 }, MUNICH)).toThrow(RangeError);
    expect(() => distanceKm(MUNICH, { latitude: 0, longitude: Number.NaN })).toThrow(RangeError);
  });

  it('is symmetric, never negative, never longer than half the circumference, and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        const ab = distanceKm(a, b);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(Math.PI * EARTH_RADIUS_KM + 1e-6);
        expect(Math.abs(ab - distanceKm(b, a))).toBeLessThan(1e-6);
        // Haversine loses precision next to antipodal points (asin near 1): up to about 0.1 m there, so 1 m of slack.
        expect(distanceKm(a, c)).toBeLessThanOrEqual(ab + distanceKm(b, c) + 1e-3);
      }),
    );
  });
});

describe('roundKm', () => {
  it('rounds to one decimal', () => {
    expect(roundKm(12.34)).toBe(12.3);
    expect(roundKm(12.36)).toBe(12.4);
    expect(roundKm(0.04)).toBe(0);
    expect(roundKm(499.96)).toBe(500);
  });
});

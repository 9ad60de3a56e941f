/** A point on the earth in decimal degrees (WGS 84), as the postal-code data and the offices give it. */
export interface GeoPoint {
  readonly latitude: number;
  readonly longitude: number;
}

/** Mean earth radius (IUGG) in kilometres: the sphere the haversine formula measures on. */
export const EARTH_RADIUS_KM = 6371.0088;

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/**
 * Straight-line (great-circle) distance in kilometres by the haversine formula. On a sphere, so it differs from
 * the ellipsoid by up to about 0.5 %: plenty to rank offices near home, never a route length.
 */
export function distanceKm(from: GeoPoint, to: GeoPoint): number {
  for (const point of [from, to]) {
    if (!isGeoPoint(point)) {
      throw new RangeError(`not a point on the earth: ${point.latitude}, ${point.longitude}`);
    }
  }
  const dLat = toRadians(to.latitude - from.latitude);
  const dLon = toRadians(to.longitude - from.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(from.latitude)) * Math.cos(toRadians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  // min() guards against rounding pushing h a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A distance as people read it: kilometres to one decimal (12.34 → 12.3). */
export function roundKm(km: number): number {
  return Math.round(km * 10) / 10;
}

export function isGeoPoint(point: GeoPoint): boolean {
  return (
    Number.isFinite(point.latitude) &&
    Number.isFinite(point.longitude) &&
    Math.abs(point.latitude) <= 90 &&
    Math.abs(point.longitude) <= 180
  );
}

import { distanceKm, roundKm } from '@nahbar/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Caller } from '../identity/caller.js';
import { officeOpenTo, PlacesService } from '../places/places.service.js';
import type { MapConfiguration } from './models/map-configuration.model.js';
import type { OfficeNearHome } from './models/office-near-home.model.js';
import type { PostalCodePlace } from './models/postal-code-place.model.js';
import { HomePostalCodeMissingError, InvalidRadiusError, MAX_RADIUS_KM, MIN_RADIUS_KM } from './near-home.errors.js';

interface PointRow {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
}

@Injectable()
export class NearHomeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: PlacesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Offices open to the caller, nearest first (ties by name), measured in a straight line from the point of the
   * caller's home postal code; within `radiusKm` when given (on the distance as shown, to 0.1 km). Offices without
   * coordinates cannot be ranked and are left out.
   */
  async officesNearHome(caller: Caller, radiusKm: number | null | undefined): Promise<OfficeNearHome[]> {
    if (radiusKm !== null && radiusKm !== undefined) {
      if (!Number.isInteger(radiusKm) || radiusKm < MIN_RADIUS_KM || radiusKm > MAX_RADIUS_KM) {
        throw new InvalidRadiusError();
      }
    }
    const [home] = (await this.dataSource.query(
      `SELECT c.latitude, c.longitude FROM people p JOIN postal_codes c ON c.code = p.home_postal_code
       WHERE p.id = $1`,
      [caller.personId],
    )) as { latitude: number; longitude: number }[];
    if (!home) throw new HomePostalCodeMissingError();
    const rows: PointRow[] = await this.dataSource.query(
      `SELECT f.id, f.name, f.latitude, f.longitude FROM offices f
       WHERE f.latitude IS NOT NULL AND f.longitude IS NOT NULL AND ${officeOpenTo(1)}`,
      [caller.organisationId],
    );
    const ranked = rows
      .map((row) => ({ row, distance: roundKm(distanceKm(home, row)) }))
      .filter(({ distance }) => radiusKm === null || radiusKm === undefined || distance <= radiusKm)
      .sort((a, b) => a.distance - b.distance || a.row.name.localeCompare(b.row.name, 'de'));
    const offices = await this.places.officesByIds(ranked.map(({ row }) => row.id));
    return ranked.flatMap(({ row, distance }) => {
      const office = offices.get(row.id);
      return office ? [{ office, distanceKm: distance, latitude: row.latitude, longitude: row.longitude }] : [];
    });
  }

  /** The point and place of a German postal code, or null when there is no such code. */
  async postalCodePlace(code: string): Promise<PostalCodePlace | null> {
    if (!/^\d{5}$/.test(code)) return null;
    const [row] = (await this.dataSource.query(
      'SELECT code, place, land, latitude, longitude FROM postal_codes WHERE code = $1',
      [code],
    )) as PostalCodePlace[];
    return row ?? null;
  }

  mapConfiguration(): MapConfiguration {
    return { tileUrl: this.config.map?.tileUrl ?? null, attribution: this.config.map?.attribution ?? null };
  }
}

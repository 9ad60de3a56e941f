import { inject, Injectable } from '@angular/core';

import type { Office } from '../../core/graphql/api.types';
import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';

/** An office the person may book, with its straight-line distance from their home postal code. */
export interface OfficeNearHome {
  readonly office: Office;
  /** Kilometres, to 0.1 km. */
  readonly distanceKm: number;
  readonly latitude: number;
  readonly longitude: number;
}

/** A German postal code with its place and the point distances are measured from. */
export interface PostalCodePlace {
  readonly code: string;
  readonly place: string;
  readonly land: string;
  readonly latitude: number;
  readonly longitude: number;
}

/** The map's tile server; both null when this server shows no map. */
export interface MapConfiguration {
  readonly tileUrl: string | null;
  readonly attribution: string | null;
}

const OFFICE_FIELDS = 'id name address deskCount municipality { ags name land } operator { id name }';

export const OFFICES_NEAR_HOME = graphqlOperation<{ officesNearHome: OfficeNearHome[] }, { radiusKm: number | null }>(
  `query OfficesNearHome($radiusKm: Int) {
    officesNearHome(radiusKm: $radiusKm) { distanceKm latitude longitude office { ${OFFICE_FIELDS} } }
  }`,
);

export const POSTAL_CODE_PLACE = graphqlOperation<{ postalCodePlace: PostalCodePlace | null }, { code: string }>(
  'query PostalCodePlace($code: String!) { postalCodePlace(code: $code) { code place land latitude longitude } }',
);

export const MAP_CONFIGURATION = graphqlOperation<{ mapConfiguration: MapConfiguration }>(
  'query MapConfiguration { mapConfiguration { tileUrl attribution } }',
);

@Injectable({ providedIn: 'root' })
export class NearHomeApi {
  private readonly graphql = inject(GraphqlHttpClient);

  /** Nearest first; `radiusKm` null for all. Throws HOME_POSTAL_CODE_MISSING without a (known) home postal code. */
  async officesNearHome(radiusKm: number | null, signal?: AbortSignal): Promise<OfficeNearHome[]> {
    return (await this.graphql.request(OFFICES_NEAR_HOME, { radiusKm }, signal)).officesNearHome;
  }

  async postalCodePlace(code: string): Promise<PostalCodePlace | null> {
    return (await this.graphql.request(POSTAL_CODE_PLACE, { code })).postalCodePlace;
  }

  async mapConfiguration(): Promise<MapConfiguration> {
    return (await this.graphql.request(MAP_CONFIGURATION, {})).mapConfiguration;
  }
}

import type { Office } from '../app/core/graphql/api.types';

/** An office of the Landesamt in Erlangen, as the API returns it. */
export function anOffice(id: string, name: string): Office {
  return {
    id,
    name,
    address: 'Bahnhofplatz 1',
    deskCount: 8,
    municipality: { ags: '09562000', name: 'Erlangen', land: 'BY' },
    operator: { id: 'land', name: 'Landesamt für Statistik' },
  };
}

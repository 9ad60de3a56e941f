import type { DataSource, EntityManager } from 'typeorm';

/**
 * Demo data for a first start: three organisations (a state agency of each of two Länder and a town), five
 * municipalities in Bayern and Nordrhein-Westfalen, five offices with 52 desks, and eight people.
 * Municipality keys (AGS) and coordinates are the real ones.
 */
interface DemoOffice {
  readonly name: string;
  readonly address: string;
  readonly ags: string;
  readonly operator: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly areas: readonly { readonly name: string; readonly prefix: string; readonly desks: number }[];
}

const ORGANISATIONS = [
  { name: 'Landesamt für Digitalisierung, Breitband und Vermessung', kind: 'STATE' },
  { name: 'Stadt Fürth', kind: 'MUNICIPAL' },
  { name: 'IT.NRW – Landesbetrieb Information und Technik', kind: 'STATE' },
] as const;

const MUNICIPALITIES = [
  { ags: '09563000', name: 'Fürth', land: 'BY' },
  { ags: '09562000', name: 'Erlangen', land: 'BY' },
  { ags: '09461000', name: 'Bamberg', land: 'BY' },
  { ags: '05515000', name: 'Münster', land: 'NW' },
  { ags: '05711000', name: 'Bielefeld', land: 'NW' },
] as const;

const OFFICES: readonly DemoOffice[] = [
  {
    name: 'Satellitenbüro Fürth Rathaus',
    address: 'Königstraße 88, 90762 Fürth',
    ags: '09563000',
    operator: 'Stadt Fürth',
    latitude: 49.4771,
    longitude: 10.9887,
    areas: [
      { name: 'Erdgeschoss', prefix: 'E', desks: 6 },
      { name: '1. Obergeschoss', prefix: 'O', desks: 6 },
    ],
  },
  {
    name: 'Co-Working Erlangen Hauptbahnhof',
    address: 'Bahnhofplatz 3, 91054 Erlangen',
    ags: '09562000',
    operator: 'Landesamt für Digitalisierung, Breitband und Vermessung',
    latitude: 49.5958,
    longitude: 11.0019,
    areas: [{ name: 'Offene Fläche', prefix: 'A', desks: 10 }],
  },
  {
    name: 'Satellitenbüro Bamberg',
    address: 'Promenadestraße 2, 96047 Bamberg',
    ags: '09461000',
    operator: 'Landesamt für Digitalisierung, Breitband und Vermessung',
    latitude: 49.8988,
    longitude: 10.9028,
    areas: [
      { name: 'Ruhezone', prefix: 'R', desks: 4 },
      { name: 'Teamzone', prefix: 'T', desks: 6 },
    ],
  },
  {
    name: 'Satellitenbüro Münster',
    address: 'Mauritzstraße 4, 48143 Münster',
    ags: '05515000',
    operator: 'IT.NRW – Landesbetrieb Information und Technik',
    latitude: 51.9607,
    longitude: 7.6261,
    areas: [{ name: 'Etage 2', prefix: 'M', desks: 12 }],
  },
  {
    name: 'Co-Working Bielefeld',
    address: 'Niederwall 23, 33602 Bielefeld',
    ags: '05711000',
    operator: 'IT.NRW – Landesbetrieb Information und Technik',
    latitude: 52.0302,
    longitude: 8.5325,
    areas: [{ name: 'Galerie', prefix: 'G', desks: 8 }],
  },
];

const PEOPLE = [
  {
    name: 'Anna Schmidt',
    email: 'anna.schmidt@ldbv.example',
    organisation: 'Landesamt für Digitalisierung, Breitband und Vermessung',
  },
  {
    name: 'Mehmet Yılmaz',
    email: 'mehmet.yilmaz@ldbv.example',
    organisation: 'Landesamt für Digitalisierung, Breitband und Vermessung',
  },
  {
    name: 'Sabine Wagner',
    email: 'sabine.wagner@ldbv.example',
    organisation: 'Landesamt für Digitalisierung, Breitband und Vermessung',
  },
  { name: 'Jürgen Köhler', email: 'juergen.koehler@fuerth.example', organisation: 'Stadt Fürth' },
  { name: 'Lena Hoffmann', email: 'lena.hoffmann@fuerth.example', organisation: 'Stadt Fürth' },
  {
    name: 'Thomas Becker',
    email: 'thomas.becker@it.nrw.example',
    organisation: 'IT.NRW – Landesbetrieb Information und Technik',
  },
  {
    name: 'Fatma Demir',
    email: 'fatma.demir@it.nrw.example',
    organisation: 'IT.NRW – Landesbetrieb Information und Technik',
  },
  {
    name: 'Peter Schulz',
    email: 'peter.schulz@it.nrw.example',
    organisation: 'IT.NRW – Landesbetrieb Information und Technik',
  },
] as const;

/** Seeds the demo data in one transaction when the database holds no organisation yet. Returns whether it did. */
export async function seedDemoData(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    // Serialise concurrent seeders (two instances starting on one empty server database).
    await manager.query('LOCK TABLE organisations IN EXCLUSIVE MODE');
    const existing: { count: number }[] = await manager.query('SELECT count(*)::int AS count FROM organisations');
    if ((existing[0]?.count ?? 0) > 0) return false;
    await insertDemoData(manager);
    return true;
  });
}

async function insertDemoData(manager: EntityManager): Promise<void> {
  const organisationIds = new Map<string, string>();
  for (const organisation of ORGANISATIONS) {
    const [row] = (await manager.query('INSERT INTO organisations (name, kind) VALUES ($1, $2) RETURNING id', [
      organisation.name,
      organisation.kind,
    ])) as { id: string }[];
    organisationIds.set(organisation.name, requireId(row));
  }
  for (const municipality of MUNICIPALITIES) {
    await manager.query('INSERT INTO municipalities (ags, name, land) VALUES ($1, $2, $3)', [
      municipality.ags,
      municipality.name,
      municipality.land,
    ]);
  }
  for (const office of OFFICES) {
    const [officeRow] = (await manager.query(
      `INSERT INTO offices (name, address, municipality_ags, operator_id, latitude, longitude)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        office.name,
        office.address,
        office.ags,
        organisationIds.get(office.operator),
        office.latitude,
        office.longitude,
      ],
    )) as { id: string }[];
    const officeId = requireId(officeRow);
    for (const [index, area] of office.areas.entries()) {
      const [areaRow] = (await manager.query(
        'INSERT INTO areas (office_id, name, sort_order) VALUES ($1, $2, $3) RETURNING id',
        [officeId, area.name, index],
      )) as { id: string }[];
      const codes = Array.from(
        { length: area.desks },
        (_, desk) => `${area.prefix}-${String(desk + 1).padStart(2, '0')}`,
      );
      await manager.query('INSERT INTO desks (office_id, area_id, code) SELECT $1, $2, unnest($3::text[])', [
        officeId,
        requireId(areaRow),
        codes,
      ]);
    }
  }
  for (const person of PEOPLE) {
    await manager.query('INSERT INTO people (organisation_id, display_name, email) VALUES ($1, $2, $3)', [
      organisationIds.get(person.organisation),
      person.name,
      person.email,
    ]);
  }
}

function requireId(row: { id: string } | undefined): string {
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return row.id;
}

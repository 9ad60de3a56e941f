/** Route paths of the app, in one place. German because they show in the address bar. */
export const ROUTE_PATHS = {
  start: '',
  signInCallback: 'anmeldung',
  booking: 'buchen',
  myBookings: 'meine-buchungen',
  myWeek: 'meine-woche',
  profile: 'profil',
  /** The person's teams; `team/:teamId` is one team's page. */
  team: 'team',
  admin: 'verwaltung',
  /** The page a phone opens from a desk's QR code; `:token` identifies the desk. */
  checkIn: 'einchecken/:token',
  /** Printable QR codes of an area's desks, for facility managers and organisation admins. */
  qrCodes: 'verwaltung/qr-codes',
  /** The accessibility statement (BITV 2.0), linked from every page. */
  accessibility: 'barrierefreiheit',
  /** Offices open to the person, nearest to their home postal code first, with a map. */
  nearHome: 'in-der-naehe',
  /** What nahbar is, its licences and data credits (GeoNames, OpenStreetMap). */
  about: 'ueber',
  /** Facility managers and organisation admins: the live occupancy board; `standort/verwaltung` runs the offices. */
  facility: 'standort',
  /** Favourite desks and colleagues, with "Daneben buchen" on the days a favourite colleague is in. */
  favourites: 'favoriten',
  /** Facility managers and organisation admins: importing offices, areas and desks from a CSV file. */
  facilityImport: 'standort/import',
  /** Facility managers and organisation admins: utilisation of an office over a range, heatmap and CSV export. */
  facilityUtilisation: 'standort/auslastung',
} as const;

/** Absolute links to the same routes, for routerLink and navigation. */
export const ROUTE_LINKS = {
  start: '/',
  signInCallback: `/${ROUTE_PATHS.signInCallback}`,
  booking: `/${ROUTE_PATHS.booking}`,
  myBookings: `/${ROUTE_PATHS.myBookings}`,
  myWeek: `/${ROUTE_PATHS.myWeek}`,
  profile: `/${ROUTE_PATHS.profile}`,
  team: `/${ROUTE_PATHS.team}`,
  admin: `/${ROUTE_PATHS.admin}`,
  qrCodes: `/${ROUTE_PATHS.qrCodes}`,
  accessibility: `/${ROUTE_PATHS.accessibility}`,
  nearHome: `/${ROUTE_PATHS.nearHome}`,
  about: `/${ROUTE_PATHS.about}`,
  facility: `/${ROUTE_PATHS.facility}`,
  facilityOperations: `/${ROUTE_PATHS.facility}/verwaltung`,
  favourites: `/${ROUTE_PATHS.favourites}`,
  facilityImport: `/${ROUTE_PATHS.facilityImport}`,
  facilityUtilisation: `/${ROUTE_PATHS.facilityUtilisation}`,
} as const;

/** Query parameter of the start page: the page to continue at after signing in. */
export const START_QUERY_PARAMS = {
  returnUrl: 'ziel',
} as const;

/** Query parameters of the booking page: office, date and part of the day, and the desk filters. */
export const BOOKING_QUERY_PARAMS = {
  office: 'buero',
  date: 'datum',
  part: 'teil',
  /** Equipment the desks must have, comma-separated, e.g. "MONITOR,DOCKING_STATION". */
  equipment: 'ausstattung',
  /** "ja" shows only accessible desks. */
  accessible: 'barrierefrei',
  /** Id of an area of the office. */
  area: 'bereich',
  /** "grundriss" shows the floor plan; missing (the default) shows the list. */
  view: 'ansicht',
} as const;

/** Views of the booking page's desks. The list is the default and the accessible equivalent of the plan. */
export const DESK_VIEW_VALUES = { list: 'liste', plan: 'grundriss' } as const;

/** Query parameters of the QR code page: office and area whose desks' codes are printed. */
export const QR_CODES_QUERY_PARAMS = {
  office: 'buero',
  area: 'bereich',
} as const;

/** Value of BOOKING_QUERY_PARAMS.accessible that turns the filter on. */
export const ACCESSIBLE_ONLY_VALUE = 'ja';

/** Query parameters of the occupancy board: the office and the civil date shown (today when missing). */
export const OCCUPANCY_QUERY_PARAMS = {
  office: 'buero',
  date: 'datum',
} as const;

/** Route paths of the app, in one place. German because they show in the address bar. */
export const ROUTE_PATHS = {
  start: '',
  booking: 'buchen',
  myBookings: 'meine-buchungen',
} as const;

/** Absolute links to the same routes, for routerLink and navigation. */
export const ROUTE_LINKS = {
  start: '/',
  booking: `/${ROUTE_PATHS.booking}`,
  myBookings: `/${ROUTE_PATHS.myBookings}`,
} as const;

/** Query parameters of the booking page: office, date and part of the day. */
export const BOOKING_QUERY_PARAMS = {
  office: 'buero',
  date: 'datum',
  part: 'teil',
} as const;

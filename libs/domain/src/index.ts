export * from './lib/booking-rules.js';
export * from './lib/civil-date.js';
export * from './lib/day-part.js';

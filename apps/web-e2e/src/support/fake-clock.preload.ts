// Loaded into the server process with `node --import` (Node strips the types): startServer({ now }) sets the start
// instant in NAHBAR_E2E_CLOCK_START. Only `Date` is faked, and it runs on in real time from there, so the server's timers,
// sockets and the embedded database work as usual while "now" is a chosen working day at a chosen hour.
import { install } from '@sinonjs/fake-timers';

const start = process.env['NAHBAR_E2E_CLOCK_START'];
if (start !== undefined && start !== '') {
  const instant = Date.parse(start);
  if (Number.isNaN(instant)) throw new Error(`NAHBAR_E2E_CLOCK_START is not an ISO instant: "${start}"`);
  install({ now: instant, toFake: ['Date'], shouldAdvanceTime: true });
}

import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { DomainError } from '../common/domain-error.js';
import { Authenticator, readCredentials } from '../identity/authenticator.js';
import { isExpired } from '../identity/caller.js';
import { Public } from '../identity/public.decorator.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';

const ICS_SUFFIX = '.ics';
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Calendars over plain HTTP, for calendar programs and downloads (GraphQL cannot serve a file).
 * - `GET /calendar/<token>.ics`: the personal feed. Open to anyone with the secret URL (calendar programs send no
 *   sign-in), hence `@Public()`; the token is the credential. Unknown, malformed and revoked tokens all give the same
 *   bare 404.
 * - `GET /calendar/bookings/<id>.ics`: one booking as a file. It needs the caller's identity like the GraphQL
 *   endpoint (bearer token or demo header), so the web client fetches it and saves the result. The global guard
 *   reads identities from a GraphQL context only, so this route is public to the guard and checks the caller itself.
 */
@Public()
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarFeedsService,
    private readonly authenticator: Authenticator,
  ) {}

  @Get('bookings/:file')
  async booking(@Param('file') file: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    noSharedCaching(response);
    let personId: string;
    try {
      const caller = await this.authenticator.authenticate(readCredentials(request.headers));
      if (!caller || isExpired(caller)) {
        plain(response, 401, 'Please sign in first.');
        return;
      }
      personId = caller.personId;
    } catch (error) {
      if (error instanceof DomainError) {
        plain(response, 401, 'Please sign in first.');
        return;
      }
      throw error;
    }
    const id = withoutSuffix(file);
    const found = id !== undefined && UUID.test(id) ? await this.calendar.bookingCalendar(personId, id) : undefined;
    if (!found) {
      plain(response, 404, 'Not found.');
      return;
    }
    const { booking, ics } = found;
    const name = `nahbar-${booking.date}-${booking.deskCode.replace(/[^A-Za-z0-9-]+/g, '_')}.ics`;
    response.status(200).type(CALENDAR_TYPE).setHeader('Content-Disposition', `attachment; filename="${name}"`);
    response.send(ics);
  }

  @Get(':file')
  async feed(@Param('file') file: string, @Res() response: Response): Promise<void> {
    noSharedCaching(response);
    // The secret is in the address: never pass it on to another site.
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('X-Robots-Tag', 'noindex');
    const token = withoutSuffix(file);
    const ics = token === undefined ? undefined : await this.calendar.feedCalendar(token);
    if (ics === undefined) {
      plain(response, 404, 'Not found.');
      return;
    }
    response.status(200).type(CALENDAR_TYPE).setHeader('Content-Disposition', 'inline; filename="nahbar.ics"');
    response.send(ics);
  }
}

function withoutSuffix(file: string): string | undefined {
  return file.endsWith(ICS_SUFFIX) ? file.slice(0, -ICS_SUFFIX.length) : undefined;
}

/** A person's bookings may sit in their browser's cache, never in a proxy shared with others. */
function noSharedCaching(response: Response): void {
  response.setHeader('Cache-Control', 'private, no-cache');
}

function plain(response: Response, status: number, text: string): void {
  response.status(status).type('text/plain; charset=utf-8').send(text);
}

import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { DomainError } from '../common/domain-error.js';
import { Authenticator, readCredentials } from '../identity/authenticator.js';
import type { Caller } from '../identity/caller.js';
import { isExpired } from '../identity/caller.js';
import { Public } from '../identity/public.decorator.js';
import { PlacesErrorCode } from '../places/places.errors.js';
import { chooseLanguage } from '../web/serve-web-client.js';
import { ReportsErrorCode } from './reports.errors.js';
import { ReportsService } from './reports.service.js';

/** Where the API serves report files; the web server passes it to the API like /graphql. */
export const REPORTS_PATH = '/reports';

const CSV_TYPE = 'text/csv; charset=utf-8; header=present';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** HTTP status of each refusal of the reports context; the text is the refusal's message in the file's language. */
const STATUS: Readonly<Record<string, number>> = {
  [ReportsErrorCode.Forbidden]: 403,
  [PlacesErrorCode.OfficeNotFound]: 404,
  [ReportsErrorCode.InvalidDate]: 400,
  [ReportsErrorCode.InvalidRange]: 400,
};

/**
 * Utilisation figures as a CSV download (GraphQL cannot serve a file):
 * `GET /reports/utilisation.csv?from=YYYY-MM-DD&to=YYYY-MM-DD[&officeId=…][&lang=de|en]`. With an office: its total,
 * areas, weekdays and desks; without: one line per office the caller sees. Headers and number formats follow `lang`,
 * else the `nahbar-lang` cookie, else Accept-Language, else German (see utilisation-csv.ts).
 *
 * Read-only, so GET. It needs the caller's identity like the GraphQL endpoint (bearer token or demo header), so the
 * web client fetches it and saves the result; the global guard reads identities from a GraphQL context only, so this
 * route is public to the guard and checks the caller itself (as the calendar's .ics download does).
 */
@Public()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly authenticator: Authenticator,
  ) {}

  @Get('utilisation.csv')
  async utilisationCsv(
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // Figures of an office are for its managers: never in a cache shared with others.
    response.setHeader('Cache-Control', 'private, no-cache');
    const caller = await this.caller(request);
    if (!caller) {
      plain(response, 401, 'Please sign in first.');
      return;
    }
    const lang = single(query['lang']);
    const language =
      lang === 'de' || lang === 'en'
        ? lang
        : chooseLanguage(request.headers.cookie, request.headers['accept-language']);
    const officeId = single(query['officeId']);
    if (officeId !== undefined && !UUID.test(officeId)) {
      plain(response, 404, 'Not found.');
      return;
    }
    try {
      const file = await this.reports.csv(caller, {
        ...(officeId === undefined ? {} : { officeId }),
        from: single(query['from']) ?? '',
        to: single(query['to']) ?? '',
        language,
      });
      response
        .status(200)
        .type(CSV_TYPE)
        .setHeader('Content-Language', language)
        .setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
      response.send(file.content);
    } catch (error) {
      const status = error instanceof DomainError ? STATUS[error.code] : undefined;
      if (error instanceof DomainError && status !== undefined) {
        plain(response, status, error.messages?.[language] ?? error.message);
        return;
      }
      throw error;
    }
  }

  private async caller(request: Request): Promise<Caller | undefined> {
    try {
      const caller = await this.authenticator.authenticate(readCredentials(request.headers));
      return caller && !isExpired(caller) ? caller : undefined;
    } catch (error) {
      if (error instanceof DomainError) return undefined;
      throw error;
    }
  }
}

function single(value: unknown): string | undefined {
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' ? first : undefined;
}

function plain(response: Response, status: number, text: string): void {
  response.status(status).type('text/plain; charset=utf-8').send(text);
}

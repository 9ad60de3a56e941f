import { timingSafeEqual } from 'node:crypto';

import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';

import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Public } from '../identity/public.decorator.js';
import { Metrics } from './metrics.js';

/**
 * `GET /metrics` in Prometheus' text format. With NAHBAR_METRICS_TOKEN set, only with `Authorization: Bearer <token>`
 * (the scraper's); without it, open (then keep /metrics off the public proxy, as docker/ does).
 */
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(@Req() request: Request, @Res() response: Response): Promise<void> {
    const token = this.config.metricsToken;
    if (token !== undefined && !bearerMatches(request.headers.authorization, token)) {
      response.status(401).type('text/plain').send('A metrics token is required.');
      return;
    }
    response.setHeader('Cache-Control', 'no-store');
    response.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = Buffer.from(/^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

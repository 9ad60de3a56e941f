import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { PubSubEngine } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';

import { Public } from '../identity/public.decorator.js';
import { PostgresPubSub } from '../realtime/postgres-pub-sub.js';
import { PUB_SUB } from '../realtime/pub-sub.token.js';

/** How long readiness waits for the database before it answers "not ready". */
const DATABASE_TIMEOUT_MS = 2000;

/**
 * Liveness and readiness for container orchestration and the proxy (issue 9). Two endpoints and one SQL probe:
 * no library needed.
 * - `GET /health/live`: the process answers (200).
 * - `GET /health/ready`: the database answers `SELECT 1` within two seconds and, on a PostgreSQL server, the LISTEN
 *   connection that brings the other instances' live events is up (200); else 503 with the reason. An instance whose
 *   LISTEN connection is down would show stale live data; it reconnects within seconds by itself.
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Get('live')
  live(@Res() response: Response): void {
    response.setHeader('Cache-Control', 'no-store');
    response.status(200).json({ status: 'ok' });
  }

  @Get('ready')
  async ready(@Res() response: Response): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), DATABASE_TIMEOUT_MS);
        }),
      ]);
      // The embedded database's events stay in this process: nothing to reconnect.
      const events = !(this.pubSub instanceof PostgresPubSub) || this.pubSub.listening ? 'ok' : 'reconnecting';
      if (events === 'ok') response.status(200).json({ status: 'ok', database: 'ok', events });
      else response.status(503).json({ status: 'unavailable', database: 'ok', events });
    } catch (error) {
      const reason = (error as Error).message === 'timeout' ? 'timeout' : 'unreachable';
      response.status(503).json({ status: 'unavailable', database: reason });
    } finally {
      clearTimeout(timer);
    }
  }
}

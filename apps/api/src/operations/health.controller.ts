import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

import { Public } from '../identity/public.decorator.js';

/** How long readiness waits for the database before it answers "not ready". */
const DATABASE_TIMEOUT_MS = 2000;

/**
 * Liveness and readiness for container orchestration and the proxy (issue 9). Two endpoints and one SQL probe:
 * no library needed.
 * - `GET /health/live`: the process answers (200).
 * - `GET /health/ready`: the database answers `SELECT 1` within two seconds (200), else 503 with the reason.
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

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
      response.status(200).json({ status: 'ok', database: 'ok' });
    } catch (error) {
      const reason = (error as Error).message === 'timeout' ? 'timeout' : 'unreachable';
      response.status(503).json({ status: 'unavailable', database: reason });
    } finally {
      clearTimeout(timer);
    }
  }
}

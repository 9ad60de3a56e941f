import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * Serves the built Angular client from the API's port: its files, and `index.html` for every other page
 * address (path-based routing), so API and client share one origin and one port.
 */
export function serveWebClient(app: NestExpressApplication, webDir: string, apiPath: string): boolean {
  const indexHtml = join(webDir, 'index.html');
  if (!existsSync(indexHtml)) return false;
  app.useStaticAssets(webDir, { index: false, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const wantsPage = request.method === 'GET' && request.accepts(['html', 'json']) === 'html';
    if (!wantsPage || request.path.startsWith(apiPath)) {
      next();
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexHtml);
  });
  return true;
}

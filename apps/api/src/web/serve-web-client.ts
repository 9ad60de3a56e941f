import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** The installable app's files (apps/web/public): served with their own content types and never cached long. */
const SERVICE_WORKER = 'sw.js';
const MANIFEST = 'manifest.webmanifest';

/**
 * Serves the built Angular client from the API's port: its files, and `index.html` for every other page
 * address (path-based routing), so API and client share one origin and one port. Addresses under `apiPaths` go to
 * the API whatever they accept (a calendar program asks for the feed with `Accept: *\/*`).
 */
export function serveWebClient(app: NestExpressApplication, webDir: string, apiPaths: readonly string[]): boolean {
  const indexHtml = join(webDir, 'index.html');
  if (!existsSync(indexHtml)) return false;
  app.useStaticAssets(webDir, {
    index: false,
    maxAge: '1h',
    setHeaders: (response: Response, path: string) => {
      const name = basename(path);
      if (name === SERVICE_WORKER) {
        // Browsers look for a new service worker on every visit: an old one must not linger in HTTP caches.
        response.setHeader('Cache-Control', 'no-cache');
        response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
      } else if (name === MANIFEST) {
        response.setHeader('Cache-Control', 'no-cache');
        response.setHeader('Content-Type', 'application/manifest+json; charset=utf-8');
      }
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const wantsPage = request.method === 'GET' && request.accepts(['html', 'json']) === 'html';
    if (!wantsPage || apiPaths.some((path) => request.path === path || request.path.startsWith(`${path}/`))) {
      next();
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexHtml);
  });
  return true;
}

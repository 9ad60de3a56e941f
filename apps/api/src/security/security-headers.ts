import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';

import type { AppConfig } from '../config/app-config.js';

/**
 * `'sha256-…'` sources for the inline scripts of the built client's index.html files (the build's critical-CSS step
 * adds one that switches the stylesheet on): the Content-Security-Policy allows exactly these and no other inline
 * script.
 */
export function inlineScriptHashes(webDir: string | undefined): string[] {
  if (webDir === undefined) return [];
  const hashes = new Set<string>();
  for (const file of [join(webDir, 'index.html'), join(webDir, 'de', 'index.html'), join(webDir, 'en', 'index.html')]) {
    if (!existsSync(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      const body = match[1] ?? '';
      if (body.trim() !== '') hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
    }
  }
  return [...hashes].sort();
}

/** The origin a tile URL template points at, with `{s}` (subdomains) as a wildcard: `https://*.tile.example`. */
export function tileOrigin(tileUrl: string): string {
  const url = new URL(tileUrl.replace('{s}', 'subdomain').replace(/\{[a-z]\}/g, '0'));
  return `${url.protocol}//${url.host.replace(/^subdomain\./, '*.')}`;
}

/**
 * Security headers on every response (helmet): a Content-Security-Policy that allows the client's own scripts (and
 * the hashed inline one), styles including Angular's inline ones, images from the map's tile server, and connections
 * to this origin (HTTP and WebSocket) and the identity provider; no framing, no plug-ins, no referrer beyond the
 * origin, HSTS in production.
 */
export function installSecurityHeaders(app: NestExpressApplication, config: AppConfig): void {
  const connect = ["'self'"];
  if (config.oidc) connect.push(new URL(config.oidc.issuer).origin);
  const images = ["'self'", 'data:'];
  if (config.map) images.push(tileOrigin(config.map.tileUrl));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...inlineScriptHashes(config.webDir)],
          // Angular sets styles on elements at run time, and the build inlines critical CSS.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: images,
          connectSrc: connect,
          fontSrc: ["'self'"],
          manifestSrc: ["'self'"],
          workerSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(config.production ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      // Map tiles come from another origin without CORP headers.
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      strictTransportSecurity: config.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }),
  );
}

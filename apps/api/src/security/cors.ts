import type { NestExpressApplication } from '@nestjs/platform-express';

/**
 * Cross-origin requests only from the origins in NAHBAR_CORS_ORIGINS (none by default: the web client is served from
 * the API's own origin and needs no CORS). Credentials travel as a bearer token, never as cookies, so no
 * `Access-Control-Allow-Credentials`.
 */
export function installCors(app: NestExpressApplication, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  app.enableCors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Authorization'],
    maxAge: 600,
  });
}

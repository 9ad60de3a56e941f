import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';

/** The installable app's files (apps/web/public): served with their own content types and never cached long. */
const SERVICE_WORKER = 'sw.js';
const MANIFEST = 'manifest.webmanifest';
const INDEX = 'index.html';

/** The client's languages, the first the default; each is a build of its own in a folder of that name. */
export const WEB_LANGUAGES = ['de', 'en'] as const;
export type WebLanguage = (typeof WEB_LANGUAGES)[number];

/** Set by the client's language switch (apps/web/src/app/core/i18n/language.ts): keep both in step. */
export const LANGUAGE_COOKIE = 'nahbar-lang';

/** A page in any language may differ by these: caches must keep one copy per value. */
const VARY = 'Cookie, Accept-Language';

interface Bundle {
  readonly language: WebLanguage;
  readonly dir: string;
  readonly files: RequestHandler;
  /**
   * The address prefix of the bundle's own scripts and styles ("/en/"), or "" for a single build. The builds of both
   * languages name their files alike (the hash is taken before the texts are put in), so each language's files get
   * addresses of their own: no cache, neither the browser's nor the service worker's, can mix the languages.
   */
  readonly prefix: string;
}

/** The language a person chose (cookie), else the first of their browser's languages nahbar has, else German. */
export function chooseLanguage(cookieHeader: string | undefined, acceptLanguage: string | undefined): WebLanguage {
  const chosen = cookieValue(cookieHeader, LANGUAGE_COOKIE);
  if (isWebLanguage(chosen)) return chosen;
  return preferredLanguage(acceptLanguage) ?? WEB_LANGUAGES[0];
}

function isWebLanguage(value: unknown): value is WebLanguage {
  return typeof value === 'string' && (WEB_LANGUAGES as readonly string[]).includes(value);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}

/** The language of highest weight in an Accept-Language header that nahbar has ("en-GB;q=0.9" counts as "en"). */
function preferredLanguage(header: string | undefined): WebLanguage | undefined {
  let best: { language: WebLanguage; weight: number } | undefined;
  for (const part of (header ?? '').split(',')) {
    const [tag = '', ...parameters] = part.trim().split(';');
    const language = tag.trim().toLowerCase().split('-')[0];
    if (!isWebLanguage(language)) continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (Number.isFinite(weight) && weight > 0 && (best === undefined || weight > best.weight)) {
      best = { language, weight };
    }
  }
  return best?.language;
}

/**
 * The builds in `webDir`: one folder per language (`de/`, `en/`, from the localized production build), or a single
 * build with `index.html` at the top (a development build, in German) that then serves every language.
 */
function findBundles(webDir: string): ReadonlyMap<WebLanguage, Bundle> {
  const bundles = new Map<WebLanguage, Bundle>();
  for (const language of WEB_LANGUAGES) {
    const dir = join(webDir, language);
    if (existsSync(join(dir, INDEX))) {
      bundles.set(language, { language, dir, files: staticFiles(dir), prefix: `/${language}/` });
    }
  }
  if (bundles.size === 0 && existsSync(join(webDir, INDEX))) {
    const single: Bundle = { language: WEB_LANGUAGES[0], dir: webDir, files: staticFiles(webDir), prefix: '' };
    for (const language of WEB_LANGUAGES) bundles.set(language, single);
  }
  return bundles;
}

function staticFiles(dir: string): RequestHandler {
  return express.static(dir, {
    index: false,
    maxAge: '1h',
    // Pass on to the other language's files (an open page of the other language loads its own lazy chunks).
    fallthrough: true,
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
}

/** The bundle's index.html with its scripts and styles at the bundle's own addresses (`prefix`). */
function indexHtmlOf(bundle: Bundle): string {
  const html = readFileSync(join(bundle.dir, INDEX), 'utf8');
  if (bundle.prefix === '') return html;
  // Only the build's own files (a plain file name, no folder): icons and the manifest are the same in both languages.
  return html.replace(
    /(<(?:script|link)\b[^>]*?\s(?:src|href)=")([\w.-]+\.(?:m?js|css))"/g,
    (_match, start: string, file: string) => `${start}${bundle.prefix}${file}"`,
  );
}

/**
 * Serves the built Angular client from the API's port: its files, and `index.html` for every other page
 * address (path-based routing), so API and client share one origin and one port. Addresses under `apiPaths` go to
 * the API whatever they accept (a calendar program asks for the feed with `Accept: *\/*`).
 *
 * Each language is a build of its own, but the addresses are the same in both (sign-in redirects, QR check-in links
 * and bookmarks keep working): the build is chosen per request by the `nahbar-lang` cookie, else Accept-Language.
 */
export function serveWebClient(app: NestExpressApplication, webDir: string, apiPaths: readonly string[]): boolean {
  const bundles = findBundles(webDir);
  if (bundles.size === 0) return false;
  const bundleFor = (request: Request): { chosen: Bundle; other: Bundle | undefined } => {
    const language = chooseLanguage(request.headers.cookie, request.headers['accept-language']);
    const chosen = bundles.get(language) ?? [...bundles.values()][0];
    if (chosen === undefined) throw new Error('no web client build');
    const other = [...bundles.values()].find((bundle) => bundle.dir !== chosen.dir);
    return { chosen, other };
  };
  const isApi = (request: Request): boolean =>
    apiPaths.some((path) => request.path === path || request.path.startsWith(`${path}/`));

  // A language's own scripts and styles, at /de/… and /en/… (see Bundle.prefix); long cached, as their names change.
  for (const bundle of new Set(bundles.values())) {
    if (bundle.prefix === '') continue;
    app.use(bundle.prefix, (request: Request, response: Response, next: NextFunction) => {
      if (basename(request.path) === INDEX) next();
      else bundle.files(request, response, next);
    });
  }

  // Other files (icons, manifest, service worker, and the scripts of a single build): the chosen language's first,
  // then the other's. index.html only as a page (below), never as a file.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApi(request) || basename(request.path) === INDEX) {
      next();
      return;
    }
    const { chosen, other } = bundleFor(request);
    chosen.files(request, response, (error?: unknown) => {
      if (error !== undefined || other === undefined) next(error);
      else other.files(request, response, next);
    });
  });

  // Pages: the chosen language's index.html for every address the client routes.
  app.use((request: Request, response: Response, next: NextFunction) => {
    const wantsPage = request.method === 'GET' && request.accepts(['html', 'json']) === 'html';
    if (!wantsPage || isApi(request)) {
      next();
      return;
    }
    const { chosen } = bundleFor(request);
    // Read on every request (a few kB): a new build is served without a restart. The ETag is the page's own (Express
    // makes none, see bootstrap), so it differs between the languages and a cached page of the other language is
    // never confirmed as fresh; Express answers 304 to a browser that holds this one.
    const html = indexHtmlOf(chosen);
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('Vary', VARY);
    response.setHeader('Content-Language', chosen.language);
    response.setHeader('ETag', `W/"${createHash('sha1').update(html).digest('base64url')}"`);
    response.type('html').send(html);
  });
  return true;
}

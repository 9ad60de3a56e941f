import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { chooseLanguage, serveWebClient } from './serve-web-client.js';

@Module({})
class EmptyModule {}

/** A built client as the localized production build lays it out: dist/apps/web/browser/{de,en}/. */
async function writeBuild(dir: string, language: string): Promise<void> {
  await mkdir(join(dir, language, 'icons'), { recursive: true });
  await writeFile(
    join(dir, language, 'index.html'),
    `<!doctype html><html lang="${language}"><head><base href="/">` +
      `<link rel="stylesheet" href="styles-AAA.css"><link rel="icon" href="favicon.ico">` +
      `<link rel="modulepreload" href="chunk-B.js"></head>` +
      `<body><script src="main-SAME.js" type="module"></script></body></html>`,
  );
  // Both builds name their scripts alike; the contents differ by language.
  await writeFile(join(dir, language, 'main-SAME.js'), `console.log('${language}');`);
  await writeFile(join(dir, language, 'favicon.ico'), 'icon');
  await writeFile(join(dir, language, 'sw.js'), '// worker');
}

describe('serveWebClient', () => {
  describe('chooseLanguage', () => {
    it.each([
      [undefined, undefined, 'de'],
      ['nahbar-lang=en', undefined, 'en'],
      ['other=1; nahbar-lang=de', 'en-GB,en;q=0.9', 'de'],
      ['nahbar-lang=fr', 'en-US,en;q=0.9', 'en'],
      [undefined, 'fr-FR,fr;q=0.9,en;q=0.8,de;q=0.7', 'en'],
      [undefined, 'fr-FR,de-AT;q=0.9,en;q=0.5', 'de'],
      [undefined, 'fr-FR', 'de'],
      [undefined, 'en;q=0', 'de'],
    ])('cookie %s and Accept-Language %s give %s', (cookie, acceptLanguage, expected) => {
      expect(chooseLanguage(cookie, acceptLanguage)).toBe(expected);
    });
  });

  describe('with a build per language', () => {
    let dir: string;
    let app: NestExpressApplication;
    let url: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'nahbar-web-'));
      await writeBuild(dir, 'de');
      await writeBuild(dir, 'en');
      app = await NestFactory.create<NestExpressApplication>(EmptyModule, { logger: false });
      // As startApi sets it: Express makes no ETag of its own.
      app.set('etag', false);
      expect(serveWebClient(app, dir, ['/graphql'])).toBe(true);
      await app.listen(0, '127.0.0.1');
      url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await app?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    const statusOf = (path: string, headers: Record<string, string>) =>
      new Promise<number | undefined>((resolve, reject) => {
        get(`${url}${path}`, { headers }, (response) => {
          response.resume();
          resolve(response.statusCode);
        }).on('error', reject);
      });

    const page = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${url}${path}`, { headers: { accept: 'text/html', ...headers } });

    it('serves German at every page address by default, English by cookie or browser language', async () => {
      const german = await page('/buchen');
      expect(german.status).toBe(200);
      expect(await german.text()).toContain('<html lang="de">');
      expect(german.headers.get('content-language')).toBe('de');
      expect(german.headers.get('vary')).toBe('Cookie, Accept-Language');
      expect(german.headers.get('cache-control')).toBe('no-cache');

      expect(await (await page('/buchen', { cookie: 'nahbar-lang=en' })).text()).toContain('<html lang="en">');
      expect(await (await page('/', { 'accept-language': 'en-GB,en;q=0.9' })).text()).toContain('<html lang="en">');
      const chosen = await page('/check-in/x', { cookie: 'nahbar-lang=de', 'accept-language': 'en' });
      expect(await chosen.text()).toContain('<html lang="de">');
    });

    it("confirms a page the browser holds with 304, by each language's own ETag", async () => {
      const german = await page('/buchen');
      const etag = german.headers.get('etag') ?? '';
      expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
      // node:http, not fetch: fetch revalidates a conditional request itself (Cache-Control: no-cache).
      expect(await statusOf('/team', { accept: 'text/html', 'if-none-match': etag })).toBe(304);
      expect(await statusOf('/buchen', { accept: 'text/html', 'if-none-match': 'W/"other"' })).toBe(200);
      const english = await page('/buchen', { cookie: 'nahbar-lang=en' });
      expect(english.headers.get('etag')).toMatch(/^W\//);
      expect(english.headers.get('etag')).not.toBe(etag);
      expect(await statusOf('/buchen', { accept: 'text/html', cookie: 'nahbar-lang=en', 'if-none-match': etag })).toBe(
        200,
      );
    });

    it("points each page at its language's own scripts and styles, keeping the base address and shared files", async () => {
      const html = await (await page('/', { cookie: 'nahbar-lang=en' })).text();
      expect(html).toContain('<base href="/">');
      expect(html).toContain('<script src="/en/main-SAME.js" type="module">');
      expect(html).toContain('<link rel="stylesheet" href="/en/styles-AAA.css">');
      expect(html).toContain('<link rel="modulepreload" href="/en/chunk-B.js">');
      expect(html).toContain('<link rel="icon" href="favicon.ico">');

      expect(await (await fetch(`${url}/en/main-SAME.js`)).text()).toBe("console.log('en');");
      expect(await (await fetch(`${url}/de/main-SAME.js`)).text()).toBe("console.log('de');");
    });

    it('serves the shared files at their usual addresses, the service worker uncached', async () => {
      expect(await (await fetch(`${url}/favicon.ico`)).text()).toBe('icon');
      const worker = await fetch(`${url}/sw.js`);
      expect(worker.headers.get('cache-control')).toBe('no-cache');
      expect(worker.headers.get('content-type')).toContain('text/javascript');
    });

    it('never serves index.html as a file, and leaves API addresses to the API', async () => {
      expect(await (await page('/en/index.html')).text()).toContain('src="/de/main-SAME.js"');
      expect((await page('/graphql')).status).toBe(404);
    });
  });

  it('serves a single build (index.html at the top, e.g. a development build) for both languages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nahbar-web-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><html lang="de"><script src="main.js"></script></html>');
    const app = await NestFactory.create<NestExpressApplication>(EmptyModule, { logger: false });
    try {
      expect(serveWebClient(app, dir, [])).toBe(true);
      await app.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      const html = await (
        await fetch(`${url}/x`, { headers: { accept: 'text/html', cookie: 'nahbar-lang=en' } })
      ).text();
      expect(html).toContain('<script src="main.js">');
    } finally {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('serves nothing without a build', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nahbar-web-'));
    const app = await NestFactory.create<NestExpressApplication>(EmptyModule, { logger: false });
    try {
      expect(serveWebClient(app, dir, [])).toBe(false);
    } finally {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/*
 * nahbar's service worker, written by hand (@angular/service-worker exists on this registry only at 22.2.0 and pins
 * @angular/core 22.2.0 exactly, while the app is on 22.2.6).
 *
 * - Pages (navigations): network first; when the network fails, the last app shell (index.html) from the cache, so
 *   the app starts offline and shows the last known bookings. The server sends the shell of the chosen language
 *   (German or English, by the nahbar-lang cookie) at the same address: network first means a language switch (which
 *   reloads the page) takes effect at once, and offline the app starts in the language last used.
 * - Static files of the app (scripts, styles, icons, fonts, the manifest): from the cache, fetched and kept on first
 *   use. Angular's scripts and styles carry a hash in their names, so a cached one never goes stale (each language
 *   has its own scripts, with names of their own).
 * - Everything else goes to the network untouched: /graphql (POSTs and the WebSocket), calendar feeds, any API.
 *
 * Change CACHE_VERSION to drop every cached file of older versions.
 */
const CACHE_VERSION = 'nahbar-v1';
const SHELL = '/';
const STATIC_FILE = /\.(?:js|mjs|css|png|svg|ico|webmanifest|woff2?)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE_VERSION)
      .then((cache) =>
        cache.addAll([
          new Request(SHELL, { cache: 'reload' }),
          '/manifest.webmanifest',
          '/icons/icon-192.png',
          '/icons/icon-512.png',
        ]),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE_VERSION).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** The page sends the files it loaded before this worker controlled it (the first visit), to keep them too. */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-files' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((url) => typeof url === 'string' && isStaticFile(new URL(url, self.location.href)));
  event.waitUntil(
    caches
      .open(CACHE_VERSION)
      .then((cache) =>
        Promise.all(
          urls.map((url) => cache.match(url).then((hit) => (hit ? undefined : cache.add(url).catch(() => undefined)))),
        ),
      ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else if (isStaticFile(url)) {
    event.respondWith(staticFile(request));
  }
});

function isStaticFile(url) {
  return url.origin === self.location.origin && !url.pathname.startsWith('/graphql') && STATIC_FILE.test(url.pathname);
}

async function page(request) {
  const cache = await caches.open(CACHE_VERSION);
  try {
    const response = await fetch(request);
    // Every page address answers with the same index.html: keep the newest as the shell.
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
      await cache.put(SHELL, response.clone());
    }
    return response;
  } catch (error) {
    const shell = await cache.match(SHELL);
    if (shell) return shell;
    throw error;
  }
}

async function staticFile(request) {
  const cache = await caches.open(CACHE_VERSION);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

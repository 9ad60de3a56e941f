/** Address of the hand-written service worker (apps/web/public/sw.js), served from the root to control every page. */
export const SERVICE_WORKER_URL = '/sw.js';

/** Same-origin files the page has loaded so far: the worker keeps those it caches (scripts, styles, icons). */
export function loadedFiles(entries: readonly { readonly name: string }[], origin: string): string[] {
  return entries.map((entry) => entry.name).filter((url) => url.startsWith(`${origin}/`));
}

/**
 * Registers the service worker that lets the installed app start offline. The files of this first visit were
 * loaded before the worker controlled the page: it is told which they are, so the next start works offline too.
 * Does nothing where browsers offer no service workers (an insecure origin, an old browser).
 */
export async function registerServiceWorker(scope: typeof globalThis = globalThis): Promise<void> {
  const container = scope.navigator?.serviceWorker;
  if (!container || !scope.isSecureContext) return;
  try {
    await container.register(SERVICE_WORKER_URL, { scope: '/' });
    const registration = await container.ready;
    registration.active?.postMessage({
      type: 'cache-files',
      urls: loadedFiles(scope.performance.getEntriesByType('resource'), scope.location.origin),
    });
  } catch (error) {
    // Without the worker the app works as before, only not offline.
    console.warn('Service worker not registered', error);
  }
}

import { afterNextRender, DOCUMENT, inject, Injector } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';

function pathOf(url: string): string {
  return url.split(/[?#]/, 1)[0] ?? url;
}

/**
 * After moving to another page, puts focus on the new page's h1, so screen
 * reader and keyboard users start at its top. A change of query parameters
 * only (e.g. another date on the booking page) leaves focus where it is.
 * Call in an injection context.
 */
export function focusHeadingOnNavigation(): void {
  const router = inject(Router);
  const injector = inject(Injector);
  const document = inject(DOCUMENT);
  let lastPath: string | null = null;

  router.events
    .pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      takeUntilDestroyed(),
    )
    .subscribe((event) => {
      const path = pathOf(event.urlAfterRedirects);
      const isFirstPage = lastPath === null;
      const pathChanged = path !== lastPath;
      lastPath = path;
      if (isFirstPage || !pathChanged) {
        return;
      }
      afterNextRender(() => document.querySelector<HTMLElement>('main h1')?.focus(), { injector });
    });
}

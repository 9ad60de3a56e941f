import { computed, Injectable, signal } from '@angular/core';

/**
 * What the API asked the client to hold back (issue 9): requests (HTTP 429 RATE_LIMITED), live connections
 * (WebSocket close code 4429) or one more live view on a connection (TOO_MANY_SUBSCRIPTIONS).
 */
export type PauseKind = 'requests' | 'connections' | 'subscriptions';

interface Pause {
  /** Epoch milliseconds when the pause ends. */
  readonly until: number;
  /** The wait in whole seconds, as the notice names it. */
  readonly seconds: number;
}

/** The order in which notices win when several pauses run: the one that holds back the most first. */
const KINDS: readonly PauseKind[] = ['requests', 'connections', 'subscriptions'];

function noticeFor(kind: PauseKind, seconds: number): string {
  switch (kind) {
    case 'requests':
      return $localize`Der Server hat in kurzer Zeit sehr viele Anfragen von Ihnen oder aus Ihrem Netzwerk bekommen und bittet um eine kurze Pause. nahbar versucht es in etwa ${seconds}:seconds: Sekunden von selbst noch einmal; Sie brauchen nichts zu tun.`;
    case 'connections':
      return $localize`nahbar ist bei Ihnen in sehr vielen Tabs oder Fenstern zugleich geöffnet. Die Live-Anzeige auf dieser Seite ruht deshalb; nahbar versucht es in etwa ${seconds}:seconds: Sekunden von selbst noch einmal. Wenn Sie nicht benötigte nahbar-Tabs schließen, klappt es dann sicher.`;
    case 'subscriptions':
      return $localize`Auf dieser Seite laufen zu viele Live-Anzeigen auf einmal. Eine davon ruht kurz; nahbar versucht es in etwa ${seconds}:seconds: Sekunden von selbst noch einmal.`;
  }
}

/**
 * The pauses the API asked for, shared by everything that talks to it: a request waits until the pause of its kind
 * is over instead of asking again at once (which would only prolong the refusal), and the app shell shows `notice`
 * in its status region, so the person knows why the page waits and that nahbar will try again by itself.
 */
@Injectable({ providedIn: 'root' })
export class ServerPauses {
  private readonly pauses = signal<Readonly<Partial<Record<PauseKind, Pause>>>>({});
  private readonly timers = new Map<PauseKind, ReturnType<typeof setTimeout>>();

  /** What the person reads while a pause runs; null when none runs. */
  readonly notice = computed<string | null>(() => {
    const pauses = this.pauses();
    const kind = KINDS.find((candidate) => pauses[candidate] !== undefined);
    const pause = kind === undefined ? undefined : pauses[kind];
    return kind === undefined || pause === undefined ? null : noticeFor(kind, pause.seconds);
  });

  isPaused(kind: PauseKind): boolean {
    const pause = this.pauses()[kind];
    return pause !== undefined && pause.until > Date.now();
  }

  /** Holds back `kind` for `ms` from now; a pause already running that ends later stays as it is. */
  pause(kind: PauseKind, ms: number): void {
    const until = Date.now() + Math.max(0, ms);
    const running = this.pauses()[kind];
    if (running !== undefined && running.until >= until) return;
    this.pauses.update((pauses) => ({ ...pauses, [kind]: { until, seconds: Math.max(1, Math.ceil(ms / 1000)) } }));
    clearTimeout(this.timers.get(kind));
    this.timers.set(
      kind,
      setTimeout(() => this.end(kind), until - Date.now()),
    );
  }

  /**
   * Resolves once no pause of `kind` runs (at once when none does). Rejects with the signal's reason when the
   * caller gives up waiting.
   */
  async until(kind: PauseKind, abort?: AbortSignal): Promise<void> {
    for (;;) {
      abort?.throwIfAborted();
      const pause = this.pauses()[kind];
      const remaining = pause === undefined ? 0 : pause.until - Date.now();
      if (remaining <= 0) return;
      await sleep(remaining, abort);
    }
  }

  private end(kind: PauseKind): void {
    this.timers.delete(kind);
    this.pauses.update((pauses) => {
      const rest = { ...pauses };
      delete rest[kind];
      return rest;
    });
  }
}

function sleep(ms: number, abort?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      abort?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = (): void => {
      clearTimeout(timer);
      reject(abort?.reason);
    };
    abort?.addEventListener('abort', stop, { once: true });
  });
}

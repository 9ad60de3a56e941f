import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';

import { errorMessageFor } from '../../../core/errors/error-messages';
import type { OfficeOccupancy } from '../../../core/graphql/api.types';
import { OccupancyApi, type OccupancyQuery } from './occupancy.api';
import { occupancySummary } from './occupancy.state';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** live: pushes arrive; stopped: the API ended the stream (e.g. the role was taken away). */
export type LiveState = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'stopped';

/** The summary for screen readers changes at most this often, so a busy morning does not chatter. */
export const ANNOUNCE_INTERVAL_MS = 5000;

function sameQuery(a: OccupancyQuery | null, b: OccupancyQuery | null): boolean {
  return a === b || (a !== null && b !== null && a.officeId === b.officeId && a.date === b.date);
}

/**
 * The counts of one office and date, kept current: read in full when the choice changes and whenever the live
 * socket (re)connects (events missed offline must not leave a stale board), replaced by every push in between.
 * Provided per occupancy page.
 */
@Injectable()
export class OccupancyStore {
  private readonly api = inject(OccupancyApi);

  private readonly current = signal<OfficeOccupancy | null>(null);
  private readonly load = signal<LoadState>('idle');
  private readonly loadErrorText = signal<string | null>(null);
  private readonly liveErrorText = signal<string | null>(null);
  private readonly spoken = signal('');

  private query: OccupancyQuery | null = null;
  private stopFollowing: (() => void) | null = null;
  /** Counts reads, so that an answer to an older read is dropped. */
  private readGeneration = 0;
  /** While a full read is under way: the newest push that came meanwhile (it is at least as new as the read). */
  private pushedDuringRead: OfficeOccupancy | null | undefined = undefined;
  private lastSpokenAt = Number.NEGATIVE_INFINITY;
  private speakTimer: ReturnType<typeof setTimeout> | undefined;

  readonly occupancy = this.current.asReadonly();
  readonly loadState = this.load.asReadonly();
  readonly loadError = this.loadErrorText.asReadonly();
  readonly liveError = this.liveErrorText.asReadonly();
  /** Text of the board's polite live region: the office's counts, changed at most every few seconds. */
  readonly summary = this.spoken.asReadonly();
  readonly liveState = computed<LiveState>(() => {
    if (this.liveErrorText() !== null) {
      return 'stopped';
    }
    switch (this.api.liveConnection()) {
      case 'connected':
        return 'live';
      case 'connecting':
        return 'connecting';
      case 'reconnecting':
        return 'reconnecting';
      default:
        return 'idle';
    }
  });

  constructor() {
    const stopListening = this.api.onLiveConnected(() => void this.reload());
    inject(DestroyRef).onDestroy(() => {
      stopListening();
      this.stop();
    });
  }

  /** Shows the counts for `query` (nothing for null) and follows their changes. */
  watch(query: OccupancyQuery | null): void {
    if (sameQuery(query, this.query)) {
      return;
    }
    this.stop();
    this.query = query;
    // Never show another office's or day's counts while the new ones load.
    this.current.set(null);
    this.spoken.set('');
    this.lastSpokenAt = Number.NEGATIVE_INFINITY;
    if (query === null) {
      this.load.set('idle');
      return;
    }
    this.stopFollowing = this.api.follow(query, {
      next: (occupancy) => this.receive(query, occupancy),
      error: (error) => this.liveErrorText.set(errorMessageFor(error)),
    });
    void this.reload();
  }

  /** Reads the counts of the current choice again. */
  async reload(): Promise<void> {
    const query = this.query;
    if (query === null) {
      return;
    }
    const generation = ++this.readGeneration;
    this.pushedDuringRead = null;
    this.load.set('loading');
    try {
      const read = await this.api.occupancy(query);
      if (generation !== this.readGeneration) {
        return;
      }
      const pushed = this.pushedDuringRead;
      this.pushedDuringRead = undefined;
      this.show(pushed ?? read);
      this.loadErrorText.set(null);
      this.load.set('ready');
    } catch (error) {
      if (generation !== this.readGeneration) {
        return;
      }
      this.pushedDuringRead = undefined;
      this.loadErrorText.set(errorMessageFor(error));
      this.load.set('error');
    }
  }

  private receive(query: OccupancyQuery, occupancy: OfficeOccupancy): void {
    if (!sameQuery(query, this.query)) {
      return;
    }
    if (this.pushedDuringRead !== undefined) {
      this.pushedDuringRead = occupancy;
      return;
    }
    this.show(occupancy);
  }

  private show(occupancy: OfficeOccupancy): void {
    this.current.set(occupancy);
    this.speakSoon();
  }

  /** Updates the spoken summary now if the last update is long enough ago, else once the interval is over. */
  private speakSoon(): void {
    if (this.speakTimer !== undefined) {
      return;
    }
    const wait = this.lastSpokenAt + ANNOUNCE_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      this.speak();
      return;
    }
    this.speakTimer = setTimeout(() => {
      this.speakTimer = undefined;
      this.speak();
    }, wait);
  }

  private speak(): void {
    const occupancy = this.current();
    if (occupancy === null) {
      return;
    }
    this.lastSpokenAt = Date.now();
    this.spoken.set(occupancySummary(occupancy));
  }

  private stop(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.liveErrorText.set(null);
    this.pushedDuringRead = undefined;
    clearTimeout(this.speakTimer);
    this.speakTimer = undefined;
    // Answers to reads for the old choice are dropped.
    this.readGeneration += 1;
  }
}

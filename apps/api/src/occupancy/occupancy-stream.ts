/** What one re-read gives a subscriber: the new value, and whether the stream ends after it (access lost). */
export interface StreamRead<T> {
  readonly value: T;
  readonly end: boolean;
}

/**
 * Turns a stream of change signals into a stream of fresh reads, coalescing bursts: a signal starts a read at once
 * if the last one began at least `intervalMs` ago, else when that interval is over; signals during a wait or a
 * read make one more read after it. So 50 bookings at once cost two reads, not 50, and the last state always
 * arrives. A slow consumer gets the newest value only (each value is a whole snapshot). Ending the stream
 * (`return`, or a read that says `end`) stops the source and any pending read.
 */
export class CoalescedReads<T> implements AsyncIterableIterator<T> {
  private readonly ready: T[] = [];
  private readonly pulls: ((result: IteratorResult<T>) => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reading = false;
  private dirty = false;
  private lastReadAt = Number.NEGATIVE_INFINITY;
  private finished = false;
  /** Set once the last value (the one that ends the stream) is queued. */
  private draining = false;

  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly read: () => Promise<StreamRead<T>>,
    private readonly intervalMs: number,
    private readonly onReadError: (error: unknown) => void = () => undefined,
  ) {
    void this.pump();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.ready.shift();
    if (value !== undefined) {
      if (this.draining && this.ready.length === 0) void this.finish();
      return Promise.resolve({ value, done: false });
    }
    if (this.finished || this.draining) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.pulls.push(resolve));
  }

  async return(): Promise<IteratorResult<T>> {
    await this.finish();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    await this.finish();
    throw error;
  }

  private async pump(): Promise<void> {
    try {
      while (!this.finished) {
        const signal = await this.source.next();
        if (signal.done) break;
        this.dirty = true;
        this.schedule();
      }
    } catch (error) {
      this.onReadError(error);
    }
  }

  private schedule(): void {
    if (this.timer !== undefined || this.reading || this.finished || this.draining) return;
    const wait = Math.max(0, this.lastReadAt + this.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, wait);
  }

  private async flush(): Promise<void> {
    this.dirty = false;
    this.reading = true;
    this.lastReadAt = Date.now();
    try {
      const { value, end } = await this.read();
      if (this.finished) return;
      this.deliver(value);
      if (end) {
        this.draining = true;
        // Stop listening at once; the value already read still reaches the consumer.
        void this.source.return?.();
        if (this.ready.length === 0) await this.finish();
      }
    } catch (error) {
      this.onReadError(error);
    } finally {
      this.reading = false;
      if (this.dirty) this.schedule();
    }
  }

  private deliver(value: T): void {
    const pull = this.pulls.shift();
    if (pull) {
      pull({ value, done: false });
      return;
    }
    // Only the newest snapshot matters to a consumer that has not caught up.
    this.ready.length = 0;
    this.ready.push(value);
  }

  private async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const pull of this.pulls.splice(0)) pull({ value: undefined, done: true });
    await this.source.return?.();
  }
}

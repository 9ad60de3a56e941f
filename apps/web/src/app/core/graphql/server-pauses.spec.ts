import { TestBed } from '@angular/core/testing';

import { ServerPauses } from './server-pauses';

describe('ServerPauses', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('says why nahbar waits and that it tries again, until the pause is over', async () => {
    const pauses = TestBed.inject(ServerPauses);
    expect(pauses.notice()).toBeNull();

    pauses.pause('requests', 20_000);
    expect(pauses.isPaused('requests')).toBe(true);
    expect(pauses.isPaused('connections')).toBe(false);
    expect(pauses.notice()).toBe(
      'Der Server hat in kurzer Zeit sehr viele Anfragen von Ihnen oder aus Ihrem Netzwerk bekommen und bittet um ' +
        'eine kurze Pause. nahbar versucht es in etwa 20 Sekunden von selbst noch einmal; Sie brauchen nichts zu tun.',
    );

    await jest.advanceTimersByTimeAsync(20_000);
    expect(pauses.isPaused('requests')).toBe(false);
    expect(pauses.notice()).toBeNull();
  });

  it('keeps the longer of two pauses and lets waiters go when it ends', async () => {
    const pauses = TestBed.inject(ServerPauses);
    pauses.pause('connections', 30_000);
    pauses.pause('connections', 10_000);
    let over = false;
    void pauses.until('connections').then(() => (over = true));

    await jest.advanceTimersByTimeAsync(29_999);
    expect(over).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(over).toBe(true);
  });

  it('lets a waiter give up', async () => {
    const pauses = TestBed.inject(ServerPauses);
    pauses.pause('requests', 30_000);
    const controller = new AbortController();
    const waited = pauses.until('requests', controller.signal).then(
      () => 'over',
      () => 'aborted',
    );

    controller.abort();

    expect(await waited).toBe('aborted');
  });
});

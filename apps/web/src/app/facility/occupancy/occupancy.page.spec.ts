import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { anOccupancy, half } from '../../../testing/occupancy';
import { anOffice } from '../../../testing/office';
import type { OfficeOccupancy } from '../../core/graphql/api.types';
import type { LiveConnectionState, LiveSink } from '../../core/graphql/graphql-live.client';
import { todayInOfficeZone } from '../../shared/date/civil-date';
import { OccupancyApi, type OccupancyQuery } from './data-access/occupancy.api';
import { OccupancyPage } from './occupancy.page';

describe('OccupancyPage', () => {
  let api: {
    liveConnection: ReturnType<typeof signal<LiveConnectionState>>;
    offices: jest.Mock;
    occupancy: jest.Mock<Promise<OfficeOccupancy>, [OccupancyQuery]>;
    follow: jest.Mock<() => void, [OccupancyQuery, LiveSink<OfficeOccupancy>]>;
    onLiveConnected: jest.Mock;
  };

  async function open(url: string): Promise<{ page: HTMLElement; harness: RouterTestingHarness }> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'standort', component: OccupancyPage }]),
        { provide: OccupancyApi, useValue: api },
      ],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await stable(harness);
    return { page: harness.routeNativeElement as HTMLElement, harness };
  }

  async function stable(harness: RouterTestingHarness): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      await harness.fixture.whenStable();
    }
  }

  const cell = (page: HTMLElement, row: string, name: string): string | undefined =>
    page.querySelector(`${row} [data-cell="${name}"]`)?.textContent?.trim();

  beforeEach(() => {
    api = {
      liveConnection: signal<LiveConnectionState>('connected'),
      offices: jest.fn(async () => [
        anOffice('o1', 'Satellitenbüro Fürth Rathaus'),
        anOffice('o2', 'Bürgerbüro Bamberg'),
      ]),
      occupancy: jest.fn(async (query: OccupancyQuery) =>
        anOccupancy(2, { officeId: query.officeId, date: query.date }),
      ),
      follow: jest.fn((_query: OccupancyQuery, _sink: LiveSink<OfficeOccupancy>) => () => undefined),
      onLiveConnected: jest.fn(() => () => undefined),
    };
  });

  it('shows per area and for the office the counts of both halves in a captioned table, today by default', async () => {
    const { page } = await open('/standort');
    const today = todayInOfficeZone();
    expect(api.occupancy).toHaveBeenCalledWith({ officeId: 'o1', date: today });
    expect((page.querySelector('#occupancy-date') as HTMLInputElement).value).toBe(today);
    expect((page.querySelector('#occupancy-office') as HTMLSelectElement).value).toBe('o1');

    const table = page.querySelector('table') as HTMLTableElement;
    expect(table.caption?.textContent).toContain('Belegung Satellitenbüro Fürth Rathaus am');
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(headers).toEqual([
      'Bereich',
      'Vormittag',
      'Nachmittag',
      ...['belegt', 'eingecheckt', 'frei', 'gesperrt', 'Auslastung'],
      ...['belegt', 'eingecheckt', 'frei', 'gesperrt', 'Auslastung'],
    ]);
    expect([...table.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent?.trim())).toEqual([
      'Erdgeschoss',
      'Obergeschoss',
    ]);
    const ground = '[data-area="Erdgeschoss"]';
    expect(cell(page, ground, 'morning-booked')).toBe('2');
    expect(cell(page, ground, 'morning-checked-in')).toBe('1');
    expect(cell(page, ground, 'morning-free')).toBe('3');
    expect(cell(page, ground, 'morning-blocked')).toBe('1');
    expect(cell(page, '[data-area-total]', 'afternoon-booked')).toBe('3');
    // The bar is decoration: the same figures stand beside it as text.
    const usage = page.querySelector(`${ground} .usage`) as HTMLElement;
    expect(usage.querySelector('.bar')?.getAttribute('aria-hidden')).toBe('true');
    expect(usage.textContent).toContain('2 von 5 belegt (40 %)');
    expect(page.querySelector('[data-testid="live-state"]')?.textContent).toContain('Live');
    expect(page.querySelector('[data-testid="released"]')?.textContent).toContain('vormittags 0');
  });

  it('follows the office and date live: a push changes the cells without a new read', async () => {
    const { page, harness } = await open('/standort');
    const [query, sink] = api.follow.mock.calls[0] ?? [];
    expect(query).toEqual({ officeId: 'o1', date: todayInOfficeZone() });
    sink?.next(
      anOccupancy(4, {
        areas: [
          { areaId: 'a1', areaName: 'Erdgeschoss', morning: half(6, 4, 2, 1), afternoon: half(6, 2, 0, 1) },
          { areaId: 'a2', areaName: 'Obergeschoss', morning: half(4, 0), afternoon: half(4, 1, 1) },
        ],
      }),
    );
    await stable(harness);
    expect(cell(page, '[data-area="Erdgeschoss"]', 'morning-booked')).toBe('4');
    expect(cell(page, '[data-area="Erdgeschoss"]', 'morning-checked-in')).toBe('2');
    expect(api.occupancy).toHaveBeenCalledTimes(1);

    api.liveConnection.set('reconnecting');
    await stable(harness);
    expect(page.querySelector('[data-testid="live-state"]')?.textContent).toContain('Nicht live');
  });

  it('keeps office and date in the URL and reads the chosen ones', async () => {
    const { page, harness } = await open('/standort?buero=o2&datum=2026-12-01');
    expect(api.occupancy).toHaveBeenLastCalledWith({ officeId: 'o2', date: '2026-12-01' });
    expect(page.querySelector('button')?.textContent).toContain('Heute zeigen');

    const select = page.querySelector('#occupancy-office') as HTMLSelectElement;
    select.value = 'o1';
    select.dispatchEvent(new Event('change'));
    await stable(harness);
    expect(TestBed.inject(Router).url).toBe('/standort?buero=o1&datum=2026-12-01');
    expect(api.occupancy).toHaveBeenLastCalledWith({ officeId: 'o1', date: '2026-12-01' });

    const date = page.querySelector('#occupancy-date') as HTMLInputElement;
    date.value = '2026-12-02';
    date.dispatchEvent(new Event('change'));
    await stable(harness);
    expect(api.occupancy).toHaveBeenLastCalledWith({ officeId: 'o1', date: '2026-12-02' });
  });

  it('says so when the person runs no office', async () => {
    api.offices.mockResolvedValue([]);
    const { page } = await open('/standort');
    expect(page.textContent).toContain('Sie verwalten noch kein Büro.');
    expect(api.occupancy).not.toHaveBeenCalled();
  });
});

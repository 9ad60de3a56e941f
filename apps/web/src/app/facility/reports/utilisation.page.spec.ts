import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { anOffice } from '../../../testing/office';
import { todayInOfficeZone } from '../../shared/date/civil-date';
import {
  type DeskHeatmap,
  type OfficeUtilisation,
  UtilisationApi,
  type UtilisationFigures,
  type UtilisationQuery,
} from './data-access/utilisation.api';
import { CHART_LIBRARY } from './ui/utilisation-chart';
import { addDays } from './utilisation.labels';
import { UtilisationPage } from './utilisation.page';

const figures = (available: number, booked: number, due = 0, checkedIn = 0, noShows = 0): UtilisationFigures => ({
  availableDeskDays: available,
  bookedDeskDays: booked,
  utilisationRate: available === 0 ? null : Math.round((booked / available) * 1000) / 1000,
  dueBookings: due,
  checkedIn,
  checkInRate: due === 0 ? null : Math.round((checkedIn / due) * 1000) / 1000,
  noShows,
  noShowRate: due === 0 ? null : Math.round((noShows / due) * 1000) / 1000,
});

function aReport(query: UtilisationQuery): OfficeUtilisation {
  return {
    officeId: query.officeId,
    officeName: 'Satellitenbüro Fürth Rathaus',
    from: query.from,
    to: query.to,
    openDays: 19,
    figures: figures(114, 45.5, 40, 34, 4),
    areas: [
      { areaId: 'a1', areaName: 'Erdgeschoss', figures: figures(76, 35.5, 30, 26, 3) },
      { areaId: 'a2', areaName: 'Obergeschoss', figures: figures(38, 10, 10, 8, 1) },
    ],
    weekdays: [
      { weekday: 1, openDays: 4, peak: false, figures: figures(24, 6) },
      { weekday: 2, openDays: 4, peak: true, figures: figures(24, 14.5, 14, 13, 1) },
    ],
    peakWeekdays: [2],
  };
}

function aHeatmap(query: UtilisationQuery): DeskHeatmap {
  return {
    officeId: query.officeId,
    from: query.from,
    to: query.to,
    openDays: 19,
    areas: [
      {
        areaId: 'a1',
        areaName: 'Erdgeschoss',
        floorPlanSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
        desks: [
          {
            deskId: 'd1',
            code: 'E-1',
            blocked: false,
            positionX: 0.2,
            positionY: 0.3,
            availableDeskDays: 19,
            bookedDeskDays: 17,
            utilisationRate: 0.895,
          },
          {
            deskId: 'd2',
            code: 'E-2',
            blocked: true,
            positionX: 0.6,
            positionY: 0.3,
            availableDeskDays: 0,
            bookedDeskDays: 0,
            utilisationRate: null,
          },
        ],
      },
      { areaId: 'a2', areaName: 'Obergeschoss', floorPlanSvg: null, desks: [] },
    ],
  };
}

/** Chart.js stand-in: jsdom has no canvas. Records what each chart was given. */
const charts: { labels: unknown; datasets: { label: string; data: unknown[] }[] }[] = [];
class FakeChart {
  static register = jest.fn();
  data: { labels: unknown; datasets: { label: string; data: unknown[] }[] };
  constructor(_canvas: unknown, config: { data: FakeChart['data'] }) {
    this.data = config.data;
    charts.push(this.data);
  }
  update(): void {
    charts.push(this.data);
  }
  destroy(): void {
    // nothing to free
  }
}

describe('UtilisationPage', () => {
  let api: {
    offices: jest.Mock;
    utilisation: jest.Mock<Promise<OfficeUtilisation>, [UtilisationQuery]>;
    heatmap: jest.Mock<Promise<DeskHeatmap>, [UtilisationQuery]>;
    downloadCsv: jest.Mock<Promise<void>, [Partial<UtilisationQuery>, string]>;
  };

  let harness: RouterTestingHarness;

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      await harness.fixture.whenStable();
    }
  }

  async function open(url: string): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'standort/auslastung', component: UtilisationPage }]),
        { provide: UtilisationApi, useValue: api },
        { provide: CHART_LIBRARY, useValue: async () => ({ Chart: FakeChart }) },
      ],
    });
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await settle();
    return harness.routeNativeElement as HTMLElement;
  }

  const texts = (page: HTMLElement, selector: string): string[] =>
    [...page.querySelectorAll(selector)].map((element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '');

  beforeEach(() => {
    charts.length = 0;
    api = {
      offices: jest.fn(async () => [anOffice('o1', 'Satellitenbüro Fürth Rathaus'), anOffice('o2', 'Bürgerbüro')]),
      utilisation: jest.fn(async (query: UtilisationQuery) => aReport(query)),
      heatmap: jest.fn(async (query: UtilisationQuery) => aHeatmap(query)),
      downloadCsv: jest.fn(async (_query: Partial<UtilisationQuery>, _language: string) => undefined),
    };
  });

  it('shows the last four weeks of the first office by default: summary, peak day and tables with headers', async () => {
    const page = await open('/standort/auslastung');
    const today = todayInOfficeZone();
    const query = { officeId: 'o1', from: addDays(today, -28), to: addDays(today, -1) };
    expect(api.utilisation).toHaveBeenCalledWith(query, expect.anything());
    expect(api.heatmap).toHaveBeenCalledWith(query, expect.anything());
    expect((page.querySelector('#utilisation-from') as HTMLInputElement).value).toBe(query.from);
    expect((page.querySelector('#utilisation-to') as HTMLInputElement).value).toBe(query.to);

    expect(page.querySelector('[data-testid="utilisation-summary"]')?.textContent).toContain('39,9 %');
    expect(page.querySelector('[data-testid="peak-weekdays"]')?.textContent?.trim()).toBe('Dienstag');

    const weekdays = page.querySelector('[data-testid="weekday-table"]') as HTMLTableElement;
    expect(weekdays.caption?.textContent).toContain('Auslastung Satellitenbüro Fürth Rathaus nach Wochentag');
    expect(texts(weekdays, 'thead th')).toEqual([
      'Wochentag',
      'Öffnungstage',
      'Verfügbare Platztage',
      'Gebuchte Platztage',
      'Auslastung',
      'Fällige Buchungen',
      'Eingecheckt',
      'Check-in-Quote',
      'Nicht erschienen',
      'No-Show-Quote',
    ]);
    expect([...weekdays.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect(texts(weekdays, 'tbody th[scope="row"]')).toEqual(['Montag', 'Dienstag (Spitzentag)']);
    expect(texts(weekdays, 'tbody tr[data-weekday="2"] td')).toEqual([
      '4',
      '24',
      '14,5',
      '60,4 %',
      '14',
      '13',
      '92,9 %',
      '1',
      '7,1 %',
    ]);
    expect(texts(weekdays, 'tbody tr[data-weekday="1"] [data-cell="check-in-rate"]')).toEqual(['–']);
    expect(texts(weekdays, 'tfoot th[scope="row"]')).toEqual(['Ganzes Büro']);

    const areas = page.querySelector('[data-testid="area-table"]') as HTMLTableElement;
    expect(texts(areas, 'tbody th[scope="row"]')).toEqual(['Erdgeschoss', 'Obergeschoss']);
    expect(texts(areas, 'tbody tr[data-area="Obergeschoss"] [data-cell="utilisation"]')).toEqual(['26,3 %']);
  });

  it('draws the same figures as bar charts, named as images that point to the tables', async () => {
    const page = await open('/standort/auslastung');
    const canvases = [...page.querySelectorAll('canvas')];
    expect(canvases).toHaveLength(2);
    expect(canvases.every((canvas) => canvas.getAttribute('role') === 'img')).toBe(true);
    expect(canvases[0]?.getAttribute('aria-label')).toContain('Die Zahlen stehen in der Tabelle darunter');
    const byWeekday = charts.find((chart) => JSON.stringify(chart.labels) === JSON.stringify(['Montag', 'Dienstag']));
    expect(byWeekday?.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([
      ['Auslastung', [25, 60.4]],
      ['Check-in-Quote', [null, 92.9]],
      ['No-Show-Quote', [null, 7.1]],
    ]);
  });

  it('puts each desk on the floor plan with its figure as text, and the same in a table', async () => {
    const page = await open('/standort/auslastung');
    const marker = page.querySelector('.plan [data-heat-code="E-1"]') as HTMLElement;
    expect(marker.style.left).toBe('20%');
    expect(marker.textContent).toContain('89,5 %');
    expect(marker.querySelector('.visually-hidden')?.textContent).toBe(
      'Platz E-1: 89,5 % ausgelastet, 17 von 19 Platztagen gebucht',
    );
    expect(marker.classList).toContain('heat--4');
    expect(page.querySelector('.plan [data-heat-code="E-2"]')?.textContent).toContain('gesperrt');
    const [ground, upstairs] = [...page.querySelectorAll('[data-testid="heatmap-table"]')] as HTMLTableElement[];
    expect(ground?.caption?.textContent).toContain('Auslastung der Plätze im Bereich Erdgeschoss');
    expect(texts(ground as HTMLElement, 'tbody tr:first-child > *')).toEqual(['E-1', '19', '17', '89,5 %']);
    expect(texts(ground as HTMLElement, 'tbody tr:last-child > *')).toEqual(['E-2 (gesperrt)', '0', '0', '–']);
    expect(texts(upstairs as HTMLElement, 'tbody td')).toEqual(['Dieser Bereich hat keine Plätze.']);
  });

  it('reads office and range from the address, and refuses a reversed range without asking the API', async () => {
    const page = await open('/standort/auslastung?buero=o2&von=2026-03-01&bis=2026-03-31');
    expect(api.utilisation).toHaveBeenCalledWith(
      { officeId: 'o2', from: '2026-03-01', to: '2026-03-31' },
      expect.anything(),
    );
    expect(page.textContent).toContain('Letzte 4 Wochen zeigen');

    TestBed.resetTestingModule();
    api.utilisation.mockClear();
    const reversed = await open('/standort/auslastung?von=2026-03-31&bis=2026-03-01');
    expect(reversed.querySelector('[role="alert"]')?.textContent).toContain('Das Ende des Zeitraums liegt vor');
    expect(api.utilisation).not.toHaveBeenCalled();
  });

  it('downloads the CSV of what is shown, in the page’s language, and says so', async () => {
    const page = await open('/standort/auslastung?buero=o1&von=2026-03-01&bis=2026-03-31');
    (page.querySelector('[data-testid="csv-download"]') as HTMLButtonElement).click();
    await settle();
    expect(api.downloadCsv).toHaveBeenCalledWith({ officeId: 'o1', from: '2026-03-01', to: '2026-03-31' }, 'de');
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Die CSV-Datei wurde heruntergeladen.');

    // Every office the person sees, one line each: the same range, no office.
    (page.querySelector('[data-testid="csv-download-all"]') as HTMLButtonElement).click();
    await settle();
    expect(api.downloadCsv).toHaveBeenLastCalledWith({ from: '2026-03-01', to: '2026-03-31' }, 'de');
  });
});

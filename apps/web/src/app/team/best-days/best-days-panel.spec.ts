import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';

import { Announcer } from '../../core/a11y/announcer';
import type { PresenceDaySuggestion } from '../../core/graphql/api.types';
import { GraphqlRequestError } from '../../core/graphql/graphql-request.error';
import { todayInOfficeZone } from '../../shared/date/civil-date';
import { BestDaysPanel } from './best-days-panel';
import { BestDaysApi, type BestPresenceDaysInput, type OfficeChoice } from './data-access/best-days.api';
import { addDays } from './data-access/best-days.form';

const SUGGESTIONS: PresenceDaySuggestion[] = [
  {
    date: '2026-12-01',
    office: { id: 'o1', name: 'Satellitenbüro Münster' },
    members: 9,
    canCome: 7,
    bookedElsewhere: 1,
    away: 1,
    freeDesks: 12,
    explanation: { de: '7 von 9 können kommen, 12 Plätze sind frei.', en: '7 of 9 can come, 12 desks are free.' },
  },
  {
    date: '2026-12-03',
    office: { id: 'o2', name: 'Co-Working Erlangen' },
    members: 9,
    canCome: 6,
    bookedElsewhere: 0,
    away: 0,
    freeDesks: 1,
    explanation: { de: '6 von 9 können kommen.', en: '6 of 9 can come.' },
  },
];

/** Stands in for BestDaysApi. */
class FakeBestDaysApi {
  officeList: OfficeChoice[] = [
    { id: 'o1', name: 'Satellitenbüro Münster' },
    { id: 'o2', name: 'Co-Working Erlangen' },
  ];
  answer: PresenceDaySuggestion[] | GraphqlRequestError = SUGGESTIONS;
  readonly asked: BestPresenceDaysInput[] = [];

  async offices(): Promise<OfficeChoice[]> {
    return this.officeList;
  }

  async bestDays(input: BestPresenceDaysInput): Promise<PresenceDaySuggestion[]> {
    this.asked.push(input);
    if (this.answer instanceof GraphqlRequestError) {
      throw this.answer;
    }
    return this.answer;
  }
}

describe('BestDaysPanel', () => {
  let api: FakeBestDaysApi;
  let announced: string[];
  let fixture: ComponentFixture<BestDaysPanel>;
  let panel: HTMLElement;
  let chosen: { date: string; officeId: string }[];
  const today = todayInOfficeZone();

  async function stable(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function text(element: Element | null | undefined): string {
    return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  function field(label: string): HTMLInputElement {
    const labelElement = [...panel.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
    const input = labelElement?.htmlFor
      ? panel.querySelector<HTMLInputElement>(`#${labelElement.htmlFor}`)
      : (labelElement?.querySelector('input') ?? null);
    if (input === null || input === undefined) {
      throw new Error(`no field labelled ${label}`);
    }
    return input;
  }

  function setDate(label: string, value: string): void {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('change'));
  }

  async function submit(): Promise<void> {
    [...panel.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Tage vorschlagen')?.click();
    await stable();
  }

  beforeEach(async () => {
    api = new FakeBestDaysApi();
    announced = [];
    TestBed.configureTestingModule({
      providers: [
        { provide: BestDaysApi, useValue: api },
        { provide: Announcer, useValue: { announce: (message: string) => announced.push(message) } },
      ],
    });
    fixture = TestBed.createComponent(BestDaysPanel);
    fixture.componentRef.setInput('teamId', 't1');
    chosen = [];
    fixture.componentInstance.chosen.subscribe((choice) => chosen.push(choice));
    panel = fixture.nativeElement as HTMLElement;
    await stable();
  });

  it('offers the next four weeks, the whole day and all offices at first, every control labelled', () => {
    expect(field('Erster Tag').value).toBe(today);
    expect(field('Letzter Tag').value).toBe(addDays(today, 27));
    expect(field('Ganzer Tag').checked).toBe(true);
    expect(field('Satellitenbüro Münster').checked).toBe(false);
    expect([...panel.querySelectorAll('legend')].map((legend) => legend.textContent?.trim())).toEqual([
      'Tageszeit',
      'Büros',
    ]);
  });

  it('asks for the best days and lists them ranked, best first', async () => {
    await submit();

    expect(api.asked).toEqual([{ teamId: 't1', from: today, to: addDays(today, 27), part: 'FULL_DAY' }]);
    const list = panel.querySelector('ol');
    expect(panel.querySelector(`#${list?.getAttribute('aria-labelledby')}`)?.textContent).toBe(
      'Vorschläge, der beste zuerst',
    );
    const [first, second] = [...(list?.querySelectorAll(':scope > li') ?? [])];
    expect(text(first?.querySelector('h4'))).toBe('Dienstag, 1. Dezember 2026');
    expect(text(first)).toContain('Satellitenbüro Münster');
    expect(text(first)).toContain('7 von 9 können kommen');
    expect(text(first)).toContain('1 anderswo gebucht, 1 abwesend');
    expect(text(first)).toContain('12 Plätze frei');
    expect(text(first)).toContain('7 von 9 können kommen, 12 Plätze sind frei.');
    expect(text(second?.querySelector('h4'))).toBe('Donnerstag, 3. Dezember 2026');
    expect(text(second)).toContain('1 Platz frei');
    expect(announced).toEqual(['Gute Tage werden gesucht …', '2 Vorschläge gefunden, der beste zuerst.']);
  });

  it('sends the chosen offices and part of the day', async () => {
    field('Co-Working Erlangen').click();
    field('Vormittag').click();
    setDate('Erster Tag', addDays(today, 7));
    setDate('Letzter Tag', addDays(today, 20));
    await stable();
    expect(text(panel.querySelector('summary'))).toBe('Büros auswählen (freiwillig): 1 gewählt');

    await submit();

    expect(api.asked).toEqual([
      { teamId: 't1', from: addDays(today, 7), to: addDays(today, 20), part: 'MORNING', officeIds: ['o2'] },
    ]);
  });

  it('emits the day and office of the suggestion chosen', async () => {
    await submit();
    const buttons = [...panel.querySelectorAll<HTMLButtonElement>('ol button')];
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['Diesen Tag planen', 'Diesen Tag planen']);
    expect(buttons[1]?.getAttribute('aria-label')).toBe(
      'Diesen Tag planen: Donnerstag, 3. Dezember 2026, Co-Working Erlangen',
    );

    buttons[1]?.click();

    expect(chosen).toEqual([{ date: '2026-12-03', officeId: 'o2' }]);
  });

  it('says so, visibly and aloud, when no day fits', async () => {
    api.answer = [];
    await submit();

    expect(panel.querySelector('ol')).toBeNull();
    expect(text(panel.querySelector('.empty'))).toContain('In diesem Zeitraum gibt es keinen passenden Tag.');
    expect(announced).toContain('Keine passenden Tage gefunden.');
  });

  it('checks the range before asking', async () => {
    setDate('Letzter Tag', addDays(today, 62));
    await submit();

    expect(text(panel.querySelector('.field-problem'))).toBe(
      'Der Zeitraum ist zu lang. Bitte wählen Sie höchstens 62 Tage.',
    );
    expect(field('Erster Tag').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('Erster Tag'));
    expect(api.asked).toEqual([]);

    setDate('Letzter Tag', addDays(today, -1));
    await submit();
    expect(text(panel.querySelector('.field-problem'))).toContain('Der letzte Tag liegt vor dem ersten.');
  });

  it('shows the API’s message when it refuses the range', async () => {
    api.answer = new GraphqlRequestError('INVALID_DATE_RANGE', 'range', {
      de: 'Der Zeitraum darf höchstens 62 Tage umfassen.',
    });
    await submit();

    expect(text(panel.querySelector('.field-problem'))).toBe('Der Zeitraum darf höchstens 62 Tage umfassen.');
    expect(announced).toContain('Der Zeitraum darf höchstens 62 Tage umfassen.');
    expect(panel.querySelector('ol')).toBeNull();
  });
});

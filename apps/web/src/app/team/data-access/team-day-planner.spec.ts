import { TestBed } from '@angular/core/testing';

import { FakeTeamDaysApi } from '../../../testing/fake-team-days-api';
import { aPresenceDay, aPreview } from '../../../testing/presence-day';
import { TeamApi } from './team.api';
import type { TeamDayDraft } from './team-day-planner';
import { TeamDayPlanner } from './team-day-planner';
import { TeamDaysStore } from './team-days.store';

const DRAFT: TeamDayDraft = {
  officeId: 'o1',
  date: '2026-11-24',
  part: 'FULL_DAY',
  mandatory: true,
  note: ' Kick-off ',
};
const CREATE = { kind: 'create', teamId: 't1' } as const;

describe('TeamDayPlanner', () => {
  let api: FakeTeamDaysApi;
  let planner: TeamDayPlanner;
  let days: TeamDaysStore;

  beforeEach(() => {
    api = new FakeTeamDaysApi();
    api.answerDaysAtOnce = [];
    TestBed.configureTestingModule({
      providers: [TeamDaysStore, TeamDayPlanner, { provide: TeamApi, useValue: api }],
    });
    days = TestBed.inject(TeamDaysStore);
    days.open('t1', '2026-11-23');
    planner = TestBed.inject(TeamDayPlanner);
  });

  it('does not save before the lead has seen the preview of exactly that day', async () => {
    const result = await planner.save(CREATE, DRAFT, false);

    expect(result.ok).toBe(false);
    expect(api.callsOf('createPresenceDay')).toEqual([]);
    expect(api.callsOf('presenceDayPreview')).toHaveLength(1);
  });

  it('asks for the preview with the draft, then saves it', async () => {
    await planner.check(CREATE, DRAFT);
    expect(planner.readyPreview()?.seatable).toBe(3);
    expect(api.callsOf('presenceDayPreview')).toEqual([
      {
        input: {
          teamId: 't1',
          officeId: 'o1',
          date: '2026-11-24',
          part: 'FULL_DAY',
          mandatory: true,
          note: 'Kick-off',
          acceptShortfall: false,
        },
        movingId: undefined,
      },
    ]);

    const result = await planner.save(CREATE, DRAFT, false);

    expect(result.ok).toBe(true);
    expect(api.callsOf('createPresenceDay')).toEqual([
      {
        teamId: 't1',
        officeId: 'o1',
        date: '2026-11-24',
        part: 'FULL_DAY',
        mandatory: true,
        note: 'Kick-off',
        acceptShortfall: false,
      },
    ]);
    expect(days.days().map((day) => day.id)).toEqual(['pd-new']);
    expect(days.note()?.text).toContain('ist angelegt');
  });

  it('saves with a shortfall only when the lead accepts it', async () => {
    api.previewResult = aPreview({ toSeat: 5, seatable: 3, shortfall: 2, sideBySide: false });
    await planner.check(CREATE, DRAFT);

    const refused = await planner.save(CREATE, DRAFT, false);
    expect(refused).toEqual({
      ok: false,
      problem:
        'Für 2 Personen ist kein Platz frei. Bitte bestätigen Sie, dass Sie trotzdem speichern möchten, oder wählen Sie einen anderen Tag oder ein anderes Büro.',
    });
    expect(api.callsOf('createPresenceDay')).toEqual([]);

    const saved = await planner.save(CREATE, DRAFT, true);
    expect(saved.ok).toBe(true);
    expect(api.callsOf('createPresenceDay')).toEqual([expect.objectContaining({ acceptShortfall: true })]);
  });

  it('does not save on a day the office cannot host', async () => {
    api.previewResult = aPreview({
      refusal: { code: 'HOLIDAY', message: 'Holiday', messageDe: 'Am 25.12.2026 ist ein Feiertag (1. Weihnachtstag).' },
    });
    await planner.check(CREATE, { ...DRAFT, date: '2026-12-25' });

    const result = await planner.save(CREATE, { ...DRAFT, date: '2026-12-25' }, true);

    expect(result).toEqual({
      ok: false,
      problem: 'An diesem Tag ist kein Teamtag möglich: Am 25.12.2026 ist ein Feiertag (1. Weihnachtstag).',
    });
    expect(api.callsOf('createPresenceDay')).toEqual([]);
  });

  it('shows the new situation when desks were taken since the preview', async () => {
    await planner.check(CREATE, DRAFT);
    api.failWith = 'PRESENCE_DAY_SHORT_OF_DESKS';
    api.previewResult = aPreview({ seatable: 2, shortfall: 1 });

    const result = await planner.save(CREATE, DRAFT, false);
    await Promise.resolve();

    expect(result.ok).toBe(false);
    expect(planner.readyPreview()?.shortfall).toBe(1);
  });

  it('moves a day with its id and previews it as the day being moved', async () => {
    const day = aPresenceDay({ mandatory: true, note: 'Kick-off' });
    const move = { kind: 'move', day } as const;
    const draft: TeamDayDraft = { officeId: 'o2', date: '2026-11-26', part: 'MORNING', mandatory: false, note: '' };
    await planner.check(move, draft);

    const result = await planner.save(move, draft, false);

    expect(api.callsOf('presenceDayPreview')).toEqual([
      expect.objectContaining({
        movingId: 'pd1',
        input: expect.objectContaining({ mandatory: true, note: 'Kick-off' }),
      }),
    ]);
    expect(api.callsOf('movePresenceDay')).toEqual([
      { id: 'pd1', officeId: 'o2', date: '2026-11-26', part: 'MORNING', acceptShortfall: false },
    ]);
    expect(result.ok).toBe(true);
    expect(days.note()?.text).toContain('ist verlegt auf Donnerstag, 26. November 2026');
  });
});

import { aPresenceDay, aPreview } from '../../../testing/presence-day';
import { previewFacts, seatingText, sideBySideText } from './team-day-planner';
import { countsText, liveChangeText, memberAnswerText, upsertDay } from './team-days.state';

describe('team day texts and list', () => {
  const range = { from: '2026-11-23', to: '2027-01-17' };

  it('keeps the list by date, without cancelled days or days outside the range', () => {
    const first = aPresenceDay({ id: 'a', date: '2026-11-30' });
    const second = aPresenceDay({ id: 'b', date: '2026-11-25', part: 'AFTERNOON' });
    const morning = aPresenceDay({ id: 'c', date: '2026-11-25', part: 'MORNING' });

    const list = [first, second, morning].reduce<ReturnType<typeof upsertDay>>((l, d) => upsertDay(l, d, range), []);
    expect(list.map((day) => day.id)).toEqual(['c', 'b', 'a']);
    expect(upsertDay(list, { ...first, cancelled: true }, range).map((day) => day.id)).toEqual(['c', 'b']);
    expect(upsertDay(list, { ...first, date: '2027-02-01' }, range).map((day) => day.id)).toEqual(['c', 'b']);
  });

  it('counts in words, in singular and plural', () => {
    expect(countsText({ attending: 1, away: 1, open: 1, seated: 1 })).toBe(
      '1 kommt, 1 ist abwesend, 1 hat noch nicht geantwortet. 1 Person hat einen Platz.',
    );
    expect(memberAnswerText('AWAY', false)).toBe('abwesend');
    expect(memberAnswerText('ATTENDING', false)).toBe('kommt, hat noch keinen Platz');
  });

  it('announces creations, moves and cancellations, not answers', () => {
    const day = aPresenceDay({ part: 'MORNING' });
    expect(liveChangeText({ reason: 'MOVED', presenceDay: day })).toBe(
      'Ein Teamtag wurde verlegt. Neuer Termin: Dienstag, 24. November 2026, Vormittag, in Co-Working Erlangen.',
    );
    expect(liveChangeText({ reason: 'ANSWERED', presenceDay: day })).toBeNull();
  });

  it('explains the preview: who gets a desk, side by side or not, and the counts behind', () => {
    expect(seatingText(aPreview())).toBe('Alle 3 Personen, die einen Platz brauchen, bekommen einen.');
    expect(seatingText(aPreview({ toSeat: 0, seatable: 0 }))).toBe(
      'Niemand aus dem Team braucht an diesem Tag einen neuen Platz.',
    );
    expect(sideBySideText(aPreview())).toBe('Das Team sitzt nebeneinander im Bereich Erdgeschoss.');
    expect(sideBySideText(aPreview({ sideBySide: false }))).toBe(
      'Nicht alle sitzen nebeneinander: Die freien Plätze liegen in mehreren Bereichen.',
    );
    expect(previewFacts(aPreview({ members: 9, bookedElsewhere: 1, away: 2, freeDesks: 1 }))).toEqual([
      '9 Mitglieder im Team',
      '1 ist an diesem Tag in einem anderen Büro gebucht',
      '2 haben für diesen Tag abgesagt',
      '1 Platz ist im Büro frei',
    ]);
  });
});

import { anOffice } from '../../../testing/office';
import type { Booking, WaitlistEntry } from '../../core/graphql/api.types';
import { visibleWaitlist, waitlistEntryFor, waitlistStateText, waitlistWhen } from './waitlist.state';

function entry(partial: Partial<WaitlistEntry> = {}): WaitlistEntry {
  return {
    id: 'w1',
    office: anOffice('o1', 'Co-Working Erlangen'),
    date: '2026-11-24',
    part: 'MORNING',
    status: 'WAITING',
    position: 2,
    booking: null,
    ...partial,
  };
}

describe('waitlist state', () => {
  it('finds the entry for an office, date and part, but not one that was left', () => {
    const entries = [entry({ id: 'left', status: 'LEFT' }), entry({ id: 'w2', part: 'AFTERNOON' }), entry()];
    expect(waitlistEntryFor(entries, 'o1', '2026-11-24', 'MORNING')?.id).toBe('w1');
    expect(waitlistEntryFor(entries, 'o1', '2026-11-25', 'MORNING')).toBeNull();
    expect(waitlistEntryFor(entries, 'o2', '2026-11-24', 'MORNING')).toBeNull();
  });

  it('says the place in line in words', () => {
    expect(waitlistStateText(entry())).toBe('Sie stehen auf Platz 2 der Warteliste.');
    expect(waitlistStateText(entry({ position: null }))).toBe('Sie stehen auf der Warteliste.');
    expect(
      waitlistStateText(entry({ status: 'ASSIGNED', position: null, booking: { deskCode: 'A-03' } as Booking })),
    ).toBe('Ein Platz ist frei geworden: Sie haben Platz A-03 bekommen.');
  });

  it('lists waiting and assigned entries, soonest first', () => {
    const list = visibleWaitlist([
      entry({ id: 'late', date: '2026-12-01' }),
      entry({ id: 'gone', status: 'LEFT' }),
      entry({ id: 'early', date: '2026-11-24', status: 'ASSIGNED' }),
    ]);
    expect(list.map((e) => e.id)).toEqual(['early', 'late']);
  });

  it('writes date and part in German', () => {
    expect(waitlistWhen(entry())).toBe('Di., 24.11.2026 (Vormittag)');
  });
});

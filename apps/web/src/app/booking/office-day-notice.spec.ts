import { anOfficeDay, FULL_BY_CAP_DAY, HOLIDAY_DAY } from '../../testing/office-day';
import { officeDayNotice } from './office-day-notice';

const refusal = (code: string, messageDe: string) => ({ code, messageDe, message: `en: ${messageDe}` });

describe('officeDayNotice', () => {
  it('says nothing while desks can be booked or the day is not known', () => {
    expect(officeDayNotice(null, 12)).toBeNull();
    expect(officeDayNotice(anOfficeDay({ capacity: 6, booked: 5 }), 12)).toBeNull();
  });

  it('says the office is closed on a holiday, naming it in the API’s German words', () => {
    expect(officeDayNotice(HOLIDAY_DAY, 12)).toEqual({
      kind: 'closed',
      prefix: 'Büro geschlossen:',
      text: 'Am 25.12.2026 ist 1. Weihnachtsfeiertag – ein Feiertag in Bayern. Bitte wählen Sie einen anderen Tag.',
    });
  });

  it.each([
    [
      'CLOSURE',
      'Der Standort ist vom 22.12.2026 bis zum 02.01.2027 geschlossen (Betriebsferien).',
      'Büro geschlossen:',
    ],
    ['CLOSED_WEEKDAY', 'Am 28.11.2026 (Samstag) ist der Standort geschlossen.', 'Büro geschlossen:'],
    ['DATE_IN_PAST', 'Der 20.11.2026 liegt in der Vergangenheit.', 'Nicht buchbar:'],
    ['BEYOND_HORIZON', 'Der 20.11.2027 liegt zu weit in der Zukunft.', 'Nicht buchbar:'],
  ])('says why %s takes no bookings', (code, text, prefix) => {
    const day = anOfficeDay({ bookable: false, refusal: refusal(code, text) });
    expect(officeDayNotice(day, 12)).toEqual({ kind: 'closed', prefix, text });
  });

  it('says the office is full by its cap, in proportion to its desks', () => {
    expect(officeDayNotice(FULL_BY_CAP_DAY, 12)).toEqual({
      kind: 'full',
      prefix: 'Voll:',
      text: 'Das Büro ist an diesem Tag voll (Obergrenze 6 von 12 Plätzen).',
    });
    expect(officeDayNotice(FULL_BY_CAP_DAY, null)?.text).toBe('Das Büro ist an diesem Tag voll (Obergrenze 6 Plätze).');
  });

  it('says the office is full when every desk is taken and there is no cap', () => {
    const day = anOfficeDay({ bookable: false, booked: 4, full: true });
    expect(officeDayNotice(day, 4)).toEqual({
      kind: 'full',
      prefix: 'Voll:',
      text: 'Das Büro ist an diesem Tag voll: Alle Plätze sind für diese Zeit gebucht.',
    });
  });

  it('gives the API’s reason when the cap allows no desk at all', () => {
    const day = anOfficeDay({
      bookable: false,
      capacity: 0,
      full: true,
      refusal: refusal('OVER_CAPACITY', 'An diesem Standort können zurzeit keine Plätze gebucht werden.'),
    });
    expect(officeDayNotice(day, 3)).toEqual({
      kind: 'closed',
      prefix: 'Nicht buchbar:',
      text: 'An diesem Standort können zurzeit keine Plätze gebucht werden.',
    });
  });
});

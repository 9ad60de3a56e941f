import { addDays, type CivilDate, type Weekday, WEEKDAYS } from './civil-date.js';
import { formatCivilDate, listOf, weekdayHabitual, weekdayName } from './civil-date-format.js';
import { type PublicHoliday } from './holidays.js';
import { type Land, LAND_NAMES } from './land.js';
import { type LocalizedText } from './localized-text.js';
import { type Closure } from './office-calendar.js';

/**
 * The texts of booking refusals, German first (the source), English as its translation. Plain language for people
 * in public administration: what is wrong, then what to do. They name no other person (DESIGN.md §3, 4).
 */
export const refusalTexts = {
  malformedDate: (input: string): LocalizedText => ({
    de: `„${input}“ ist kein Datum. Bitte geben Sie das Datum in der Form JJJJ-MM-TT an, zum Beispiel 2027-03-15.`,
    en: `"${input}" is not a date. Use the form YYYY-MM-DD, for example 2027-03-15.`,
  }),

  impossibleDate: (input: string): LocalizedText => ({
    de: `Den Tag ${input} gibt es nicht, oder er liegt nicht zwischen 1900 und 9999. Bitte wählen Sie ein anderes Datum.`,
    en: `${input} is not a day nahbar can book (it does not exist or is not between 1900 and 9999). Please choose another date.`,
  }),

  dateInPast: (date: CivilDate, today: CivilDate): LocalizedText => ({
    de: `Der ${de(date)} liegt in der Vergangenheit (heute ist der ${de(today)}). Bitte wählen Sie heute oder einen späteren Tag.`,
    en: `${en(date)} is in the past (today is ${en(today)} in Germany). Please choose today or a later day.`,
  }),

  beyondHorizon: (date: CivilDate, today: CivilDate, horizonDays: number): LocalizedText => {
    if (horizonDays === 0) {
      return {
        de: `Der ${de(date)} liegt zu weit in der Zukunft: An diesem Standort können Sie nur für heute buchen.`,
        en: `${en(date)} is too far ahead: this office can only be booked for today.`,
      };
    }
    const last = addDays(today, horizonDays);
    return {
      de:
        `Der ${de(date)} liegt zu weit in der Zukunft: An diesem Standort können Sie höchstens ` +
        `${horizonDays === 1 ? 'einen Tag' : `${horizonDays} Tage`} im Voraus buchen, also bis zum ${de(last)}. ` +
        'Bitte wählen Sie einen früheren Tag.',
      en:
        `${en(date)} is too far ahead: this office can be booked at most ` +
        `${horizonDays === 1 ? '1 day' : `${horizonDays} days`} in advance, that is until ${en(last)}. ` +
        'Please choose an earlier day.',
    };
  },

  holiday: (holiday: PublicHoliday, land: Land): LocalizedText => ({
    de: `Am ${de(holiday.date)} ist ${holiday.name} – ein Feiertag in ${LAND_NAMES[land]}. Bitte wählen Sie einen anderen Tag.`,
    en: `${en(holiday.date)} is ${holiday.name}, a public holiday in ${LAND_NAMES[land]}. Please choose another day.`,
  }),

  closure: (closure: Closure): LocalizedText => {
    const why = closure.reason.trim() === '' ? '' : ` (${closure.reason.trim()})`;
    if (closure.from === closure.to) {
      return {
        de: `Der Standort ist am ${de(closure.from)} geschlossen${why}. Bitte wählen Sie einen anderen Tag.`,
        en: `The office is closed on ${en(closure.from)}${why}. Please choose another day.`,
      };
    }
    return {
      de: `Der Standort ist vom ${de(closure.from)} bis zum ${de(closure.to)} geschlossen${why}. Bitte wählen Sie einen anderen Tag.`,
      en: `The office is closed from ${en(closure.from)} to ${en(closure.to)}${why}. Please choose another day.`,
    };
  },

  closedWeekday: (date: CivilDate, weekday: Weekday, openingWeekdays: ReadonlySet<Weekday>): LocalizedText => {
    const closed = {
      de: `Am ${de(date)} (${weekdayName(weekday, 'de')}) ist der Standort geschlossen.`,
      en: `The office is closed on ${weekdayName(weekday, 'en')}, ${en(date)}.`,
    };
    const open = WEEKDAYS.filter((day) => openingWeekdays.has(day));
    const first = open[0];
    const last = open[open.length - 1];
    if (first === undefined || last === undefined) {
      return {
        de: `${closed.de} Er hat zurzeit keine Öffnungstage.`,
        en: `${closed.en} It has no opening days at the moment.`,
      };
    }
    const isRun = open.length >= 3 && last - first === open.length - 1;
    return {
      de:
        `${closed.de} Geöffnet ist er ` +
        (isRun
          ? `${weekdayHabitual(first, 'de')} bis ${weekdayHabitual(last, 'de')}`
          : listOf(
              open.map((day) => weekdayHabitual(day, 'de')),
              'de',
            )) +
        '. Bitte wählen Sie einen anderen Tag.',
      en:
        `${closed.en} It is open ` +
        (isRun
          ? `from ${weekdayName(first, 'en')} to ${weekdayName(last, 'en')}`
          : `on ${listOf(
              open.map((day) => weekdayHabitual(day, 'en')),
              'en',
            )}`) +
        '. Please choose another day.',
    };
  },

  deskBlocked: (reason?: string): LocalizedText => {
    const why = reason === undefined || reason.trim() === '' ? '' : ` (${reason.trim()})`;
    return {
      de: `Dieser Platz ist gesperrt${why} und kann nicht gebucht werden. Bitte wählen Sie einen anderen Platz.`,
      en: `This desk is blocked${why} and cannot be booked. Please choose another desk.`,
    };
  },

  deskTaken: (date: CivilDate): LocalizedText => ({
    de: `Dieser Platz ist am ${de(date)} für diese Zeit schon gebucht. Bitte wählen Sie einen anderen Platz oder eine andere Tageszeit.`,
    en: `This desk is already booked on ${en(date)} for that time. Please choose another desk or another part of the day.`,
  }),

  personAlreadyBooked: (date: CivilDate): LocalizedText => ({
    de: `Sie haben am ${de(date)} für diese Zeit schon einen Platz gebucht. Stornieren Sie zuerst diese Buchung, oder wählen Sie eine andere Tageszeit.`,
    en: `You already have a desk on ${en(date)} for that time. Cancel that booking first or choose another part of the day.`,
  }),

  overQuota: (quotaDaysPerWeek: number, bookedDays: number, weekStart: CivilDate): LocalizedText => {
    if (quotaDaysPerWeek === 0) {
      return {
        de: 'An diesem Standort können Sie zurzeit an keinem Tag buchen.',
        en: 'You cannot book at this office at the moment.',
      };
    }
    const weekEnd = addDays(weekStart, 6);
    return {
      de:
        `An diesem Standort können Sie an höchstens ${daysDative(quotaDaysPerWeek)} pro Woche buchen, und in der Woche ` +
        `vom ${de(weekStart)} bis zum ${de(weekEnd)} haben Sie schon an ${daysDative(bookedDays)} einen Platz ` +
        '(an allen Standorten zusammen). Bitte wählen Sie einen Tag in einer anderen Woche.',
      en:
        `At this office you can book on at most ${daysEn(quotaDaysPerWeek)} a week, and in the week from ` +
        `${en(weekStart)} to ${en(weekEnd)} you already have a desk on ${daysEn(bookedDays)} (all offices together). ` +
        'Please choose a day in another week.',
    };
  },

  overCapacity: (date: CivilDate, cap: number): LocalizedText => {
    if (cap === 0) {
      return {
        de: 'An diesem Standort können zurzeit keine Plätze gebucht werden. Bitte wählen Sie einen anderen Standort.',
        en: 'No desk of this office can be booked at the moment. Please choose another office.',
      };
    }
    return {
      de:
        `An diesem Standort ${cap === 1 ? 'darf höchstens ein Platz' : `dürfen höchstens ${cap} Plätze`} zugleich ` +
        `belegt sein, und am ${de(date)} ${cap === 1 ? 'ist er' : 'sind sie'} für diese Zeit schon gebucht. ` +
        'Bitte wählen Sie einen anderen Tag oder einen anderen Standort.',
      en:
        `At most ${cap === 1 ? '1 desk' : `${cap} desks`} of this office may be in use at the same time, and on ` +
        `${en(date)} ${cap === 1 ? 'it is' : 'all of them are'} booked for that time. ` +
        'Please choose another day or another office.',
    };
  },
} as const;

function de(date: CivilDate): string {
  return formatCivilDate(date, 'de');
}

function en(date: CivilDate): string {
  return formatCivilDate(date, 'en');
}

function daysDative(count: number): string {
  return count === 1 ? 'einem Tag' : `${count} Tagen`;
}

function daysEn(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

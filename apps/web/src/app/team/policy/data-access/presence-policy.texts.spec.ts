import {
  germanList,
  holidaysText,
  plannedText,
  policyFromDraft,
  policyText,
  privateCountText,
} from './presence-policy.texts';

describe('presence policy texts', () => {
  it.each([
    [[], ''],
    [['Montag'], 'Montag'],
    [['Montag', 'Dienstag'], 'Montag und Dienstag'],
    [['Montag', 'Dienstag', 'Freitag'], 'Montag, Dienstag und Freitag'],
  ])('lists %j as "%s"', (items, expected) => {
    expect(germanList(items)).toBe(expected);
  });

  it.each([
    [{ period: 'WEEK', minDays: 2, fixedWeekdays: [2] }, 'Mindestens 2 Bürotage pro Woche, feste Tage: Dienstag'],
    [{ period: 'MONTH', minDays: 1, fixedWeekdays: [] }, 'Mindestens 1 Bürotag pro Monat'],
    [{ period: 'WEEK', minDays: 0, fixedWeekdays: [4, 1] }, 'Feste Bürotage: Montag und Donnerstag'],
    [null, 'Für dieses Team ist keine Anwesenheitsregel festgelegt.'],
  ] as const)('says %j as "%s"', (policy, expected) => {
    expect(policyText(policy)).toBe(expected);
  });

  it('counts planned days with the right grammar', () => {
    expect(plannedText({ planned: 0, required: 1 })).toBe('Geplant: 0 von 1 Tag');
    expect(plannedText({ planned: 1, required: 2 })).toBe('Geplant: 1 von 2 Tagen');
  });

  it('names the holidays and the working days left', () => {
    expect(holidaysText({ holidays: [], workingDays: 5 })).toBeNull();
    expect(holidaysText({ holidays: ['2026-12-25', '2026-12-24'], workingDays: 3 })).toBe(
      '2 Feiertage: Fr., 25.12.2026 und Do., 24.12.2026. Es bleiben 3 Arbeitstage; die Zahl der Tage ist entsprechend angepasst.',
    );
  });

  it('never shows 1 or 2 as a number', () => {
    expect(privateCountText({ count: 5, fewerThanThree: false })).toBe('5');
    expect(privateCountText({ count: 0, fewerThanThree: false })).toBe('0');
    expect(privateCountText({ count: null, fewerThanThree: true })).toBe('weniger als 3');
  });

  it('checks the draft', () => {
    expect(policyFromDraft({ period: 'WEEK', minDays: ' 3 ', fixedWeekdays: [5, 1] })).toEqual({
      policy: { period: 'WEEK', minDays: 3, fixedWeekdays: [1, 5] },
    });
    expect(policyFromDraft({ period: 'MONTH', minDays: '23', fixedWeekdays: [] })).toHaveProperty('policy');
    for (const minDays of ['', '-1', '1.5', 'zwei', '6']) {
      expect(policyFromDraft({ period: 'WEEK', minDays, fixedWeekdays: [] })).toEqual({
        problem: 'Bitte geben Sie als Mindestzahl eine ganze Zahl von 0 bis 5 ein.',
      });
    }
    expect(policyFromDraft({ period: 'WEEK', minDays: '0', fixedWeekdays: [] })).toEqual({
      problem:
        'Eine Regel ohne Bürotage und ohne feste Tage verlangt nichts. Bitte geben Sie eine Mindestzahl an oder wählen Sie einen festen Tag.',
    });
  });

  it('counts fixed weekdays towards the weekly minimum, but not the monthly one', () => {
    expect(policyFromDraft({ period: 'WEEK', minDays: '1', fixedWeekdays: [2, 4] })).toEqual({
      problem:
        'Feste Tage zählen als Bürotage: Bitte erhöhen Sie die Mindestzahl auf mindestens 2 oder wählen Sie weniger feste Tage.',
    });
    expect(policyFromDraft({ period: 'WEEK', minDays: '2', fixedWeekdays: [2, 4] })).toHaveProperty('policy');
    expect(policyFromDraft({ period: 'MONTH', minDays: '0', fixedWeekdays: [2, 4] })).toHaveProperty('policy');
  });
});

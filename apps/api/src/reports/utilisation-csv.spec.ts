import { csvField, csvHeaders, officeUtilisationCsv, overviewCsv } from './utilisation-csv.js';

const FIGURES = {
  availableDeskDays: 40,
  bookedDeskDays: 22.5,
  utilisationRate: 0.563,
  dueBookings: 30,
  checkedIn: 27,
  checkInRate: 0.9,
  noShows: 2,
  noShowRate: 0.067,
};

describe('utilisation CSV', () => {
  it('quotes fields with the separator, quotes or line breaks (RFC 4180)', () => {
    expect(csvField('Erdgeschoss', ';')).toBe('Erdgeschoss');
    expect(csvField('Nord; Süd', ';')).toBe('"Nord; Süd"');
    expect(csvField('Nord, Süd', ';')).toBe('Nord, Süd');
    expect(csvField('Nord, Süd', ',')).toBe('"Nord, Süd"');
    expect(csvField('Der "Neue"', ';')).toBe('"Der ""Neue"""');
    expect(csvField('zwei\nZeilen', ';')).toBe('"zwei\nZeilen"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")', ';')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+49 911', ';')).toBe("'+49 911");
    expect(csvField('-1', ';')).toBe("'-1");
    expect(csvField('@SUM(A1)', ',')).toBe("'@SUM(A1)");
  });

  it('has the same columns in both languages', () => {
    expect(csvHeaders('de')).toHaveLength(csvHeaders('en').length);
  });

  it('writes every line with as many fields as the header, in both languages', () => {
    const report = {
      officeId: 'o',
      officeName: 'Büro Nürnberg; Süd',
      from: '2026-01-05',
      to: '2026-01-09',
      openDays: 5,
      figures: FIGURES,
      areas: [{ areaId: 'a', areaName: 'Erdgeschoss', figures: FIGURES }],
      weekdays: [{ weekday: 1, openDays: 1, peak: true, figures: FIGURES }],
      peakWeekdays: [1, 3],
    };
    const heatmap = {
      officeId: 'o',
      officeName: 'Büro',
      from: report.from,
      to: report.to,
      openDays: 5,
      areas: [
        {
          areaId: 'a',
          areaName: 'Erdgeschoss',
          floorPlanSvg: null,
          desks: [
            {
              deskId: 'd',
              code: 'E-1',
              blocked: false,
              positionX: null,
              positionY: null,
              availableDeskDays: 5,
              bookedDeskDays: 2.5,
              utilisationRate: 0.5,
            },
          ],
        },
      ],
    };
    for (const language of ['de', 'en'] as const) {
      const separator = language === 'de' ? ';' : ',';
      const text = officeUtilisationCsv(report, heatmap, language);
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text.slice(1).split('\r\n').filter(Boolean);
      expect(lines).toHaveLength(5);
      // Split outside quotes: each line has the header's number of fields.
      for (const line of lines) {
        expect(line.match(new RegExp(`${separator}(?=(?:[^"]*"[^"]*")*[^"]*$)`, 'g'))).toHaveLength(14);
      }
    }
    const overview = overviewCsv(
      { from: report.from, to: report.to, figures: FIGURES, offices: [{ ...report, peakWeekdays: [1, 3] }] },
      'de',
    );
    expect(overview.split('\r\n')[1]).toBe(
      '"Büro Nürnberg; Süd";2026-01-05;2026-01-09;Büro gesamt;;5;40;22,5;56,3;30;27;90,0;2;6,7;Montag, Mittwoch',
    );
  });
});

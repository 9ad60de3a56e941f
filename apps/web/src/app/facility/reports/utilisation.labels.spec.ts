import {
  addDays,
  defaultRange,
  deskDaysText,
  heatAreas,
  heatLevel,
  heatMarker,
  percentText,
  rangeDays,
  rangeProblem,
} from './utilisation.labels';

const desk = (overrides: Partial<Parameters<typeof heatMarker>[0]> = {}) => ({
  deskId: 'd1',
  code: 'A-1',
  blocked: false,
  positionX: 0.25,
  positionY: 0.5,
  availableDeskDays: 20,
  bookedDeskDays: 11.5,
  utilisationRate: 0.575,
  ...overrides,
});

describe('utilisation labels', () => {
  it('defaults to the four weeks before today, across a month and a year', () => {
    expect(defaultRange('2026-11-23')).toEqual({ from: '2026-10-26', to: '2026-11-22' });
    expect(defaultRange('2027-01-10')).toEqual({ from: '2026-12-13', to: '2027-01-09' });
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    // Summer time began on 29 March 2026: still seven calendar days.
    expect(rangeDays('2026-03-25', '2026-03-31')).toBe(7);
  });

  it('says what is wrong with a range before asking the API', () => {
    expect(rangeProblem('2026-01-01', '2026-12-31')).toBeNull();
    expect(rangeProblem('2026-03-02', '2026-03-01')).toContain('vor seinem Anfang');
    expect(rangeProblem('2026-01-01', '2027-01-02')).toContain('366');
  });

  it('writes rates as German percentages with one decimal and a dash for none', () => {
    expect(percentText(0.575)).toBe('57,5 %');
    expect(percentText(1)).toBe('100,0 %');
    expect(percentText(null)).toBe('–');
    expect(deskDaysText(12.5)).toBe('12,5');
    expect(deskDaysText(1200)).toBe('1.200');
  });

  it('steps the heat in fifths, the top step including 100 %', () => {
    expect([0, 0.199, 0.2, 0.5, 0.799, 0.8, 1].map(heatLevel)).toEqual([0, 0, 1, 2, 3, 4, 4]);
  });

  it('gives every desk its figure as text, a blocked desk its state, never a colour alone', () => {
    expect(heatMarker(desk())).toEqual(
      expect.objectContaining({
        level: 2,
        left: 25,
        top: 50,
        value: '57,5 %',
        label: 'Platz A-1: 57,5 % ausgelastet, 11,5 von 20 Platztagen gebucht',
      }),
    );
    const blocked = heatMarker(desk({ blocked: true, availableDeskDays: 0, bookedDeskDays: 0, utilisationRate: null }));
    expect(blocked).toEqual(expect.objectContaining({ level: null, value: 'gesperrt', label: 'Platz A-1: gesperrt' }));
    expect(heatMarker(desk({ utilisationRate: null })).value).toBe('–');
  });

  it('separates desks placed on the plan from those without a position', () => {
    const [area] = heatAreas({
      officeId: 'o1',
      from: '2026-10-26',
      to: '2026-11-22',
      openDays: 20,
      areas: [
        {
          areaId: 'a1',
          areaName: 'Erdgeschoss',
          floorPlanSvg: '<svg></svg>',
          desks: [desk(), desk({ deskId: 'd2', code: 'A-2', positionX: null, positionY: null })],
        },
      ],
    });
    expect(area?.hasPlan).toBe(true);
    expect(area?.placed.map((marker) => marker.desk.code)).toEqual(['A-1']);
    expect(area?.unplaced.map((marker) => marker.desk.code)).toEqual(['A-2']);
  });
});

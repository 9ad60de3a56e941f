import { aDesk } from '../../testing/desk-availability';
import { deskMarkers, markerLabel, planAreaFor, queryParamFromView, viewFromQueryParam } from './floor-plan';

const PLAN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"></svg>';

describe('desk view in the URL', () => {
  it('is the list unless the URL says "grundriss", and goes back and forth', () => {
    expect(viewFromQueryParam(undefined)).toBe('list');
    expect(viewFromQueryParam('liste')).toBe('list');
    expect(viewFromQueryParam('unsinn')).toBe('list');
    expect(viewFromQueryParam('grundriss')).toBe('plan');
    expect(queryParamFromView('plan')).toBe('grundriss');
    expect(queryParamFromView('list')).toBeNull();
    for (const view of ['list', 'plan'] as const) {
      expect(viewFromQueryParam(queryParamFromView(view))).toBe(view);
    }
  });
});

describe('planAreaFor', () => {
  const areas = [
    { id: 'eg', name: 'Erdgeschoss', floorPlanSvg: PLAN },
    { id: 'og', name: 'Obergeschoss', floorPlanSvg: null },
  ];

  it('takes the area filtered for, or else the first area, when it has a plan', () => {
    expect(planAreaFor(areas, null)).toEqual({ id: 'eg', name: 'Erdgeschoss', floorPlanSvg: PLAN });
    expect(planAreaFor(areas, 'eg')?.id).toBe('eg');
    expect(planAreaFor(areas, 'og')).toBeNull();
    expect(planAreaFor([{ id: 'x', name: 'X' }], null)).toBeNull();
    expect(planAreaFor([], null)).toBeNull();
  });
});

describe('deskMarkers', () => {
  it('places the area’s desks by percent of the plan and keeps those without a position apart', () => {
    const desks = [
      aDesk('A-01'),
      aDesk('A-02', { free: false, morningFree: false, afternoonFree: false }),
      aDesk('A-03', { free: false, myBookingId: 'b1' }),
      aDesk('B-01', { areaId: 'area-og', areaName: 'OG' }),
    ];
    const positions = { 'id-A-01': { x: 0.25, y: 0.5 }, 'id-A-02': { x: 1.2, y: 0.333333 } };

    const { placed, unplaced } = deskMarkers(desks, positions, 'area-eg');

    expect(placed.map((m) => [m.desk.code, m.left, m.top, m.label])).toEqual([
      ['A-01', 25, 50, 'Platz A-01, frei – buchen'],
      ['A-02', 100, 33.33, 'Platz A-02, belegt'],
    ]);
    expect(unplaced.map((m) => [m.desk.code, m.status, m.label])).toEqual([
      ['A-03', 'mine', 'Platz A-03, Ihre Buchung – stornieren'],
    ]);
  });

  it('uses a position the desk carries itself', () => {
    const { placed } = deskMarkers([aDesk('A-01', { positionX: 0.1, positionY: 0.9 })], {}, 'area-eg');
    expect(placed.map((m) => [m.left, m.top])).toEqual([[10, 90]]);
  });

  it('names blocked desks with their reason and free desks on a closed day as not bookable', () => {
    const blocked = { free: false, morningFree: false, afternoonFree: false, blocked: true } as const;
    const desks = [aDesk('A-01'), aDesk('A-02', { ...blocked, blockedReason: 'Stuhl defekt' }), aDesk('A-03', blocked)];

    expect(deskMarkers(desks, {}, 'area-eg').unplaced.map((m) => [m.status, m.label])).toEqual([
      ['free', 'Platz A-01, frei – buchen'],
      ['blocked', 'Platz A-02, gesperrt: Stuhl defekt'],
      ['blocked', 'Platz A-03, gesperrt'],
    ]);
    expect(deskMarkers(desks, {}, 'area-eg', true).unplaced.map((m) => [m.status, m.label])[0]).toEqual([
      'closed',
      'Platz A-01, an diesem Tag nicht buchbar',
    ]);
  });

  it('names a desk that is being booked', () => {
    expect(markerLabel(aDesk('A-01'), true)).toBe('Platz A-01: bitte warten');
  });
});

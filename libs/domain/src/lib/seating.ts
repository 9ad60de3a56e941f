/**
 * Seating a team side by side (issue 5): which free desks a team day books, and which desk a member who answers
 * "attending" later gets. Pure functions: the API loads the free desks under its locks and books what these choose.
 */

/** A free desk as seating sees it: its area, its code and its position on the area's floor plan (0…1), if placed. */
export interface SeatCandidate {
  readonly deskId: string;
  readonly areaId: string;
  readonly code: string;
  readonly x: number | null;
  readonly y: number | null;
}

/** The desks chosen for a team, in the order to hand them to its members. */
export interface SeatChoice {
  /** `min(count, distinct free desks)` desks, none twice. */
  readonly deskIds: string[];
  /** All chosen desks lie in one area. */
  readonly sideBySide: boolean;
}

const byCode = (a: SeatCandidate, b: SeatCandidate): number =>
  a.code.localeCompare(b.code, 'de', { numeric: true }) || compareText(a.deskId, b.deskId);

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const placed = (desk: SeatCandidate): desk is SeatCandidate & { x: number; y: number } =>
  desk.x !== null && desk.y !== null;

function distance(a: SeatCandidate, b: SeatCandidate): number {
  if (!placed(a) || !placed(b)) return Number.POSITIVE_INFINITY;
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Distinct desks (the first of each id), grouped by area in the order areas first appear. */
function areasOf(desks: readonly SeatCandidate[]): SeatCandidate[][] {
  const seen = new Set<string>();
  const areas = new Map<string, SeatCandidate[]>();
  for (const desk of desks) {
    if (seen.has(desk.deskId)) continue;
    seen.add(desk.deskId);
    const area = areas.get(desk.areaId);
    if (area) area.push(desk);
    else areas.set(desk.areaId, [desk]);
  }
  return [...areas.values()];
}

/**
 * The most compact `count` desks of one area: when every desk of the area has a floor-plan position, the group around
 * one desk (it and its nearest neighbours) with the least sum of pairwise distances; otherwise the first `count` desks
 * in code order (neighbouring codes are neighbouring desks in the usual numbering). Returned in code order.
 */
function compactGroup(area: readonly SeatCandidate[], count: number): SeatCandidate[] {
  const inCodeOrder = [...area].sort(byCode);
  if (count >= area.length) return inCodeOrder;
  if (count <= 1 || !area.every(placed)) return inCodeOrder.slice(0, count);
  let best: { group: SeatCandidate[]; spread: number } | undefined;
  for (const seed of inCodeOrder) {
    const group = [...inCodeOrder]
      .sort((a, b) => distance(seed, a) - distance(seed, b) || byCode(a, b))
      .slice(0, count);
    let spread = 0;
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1)
        spread += distance(group[i] as SeatCandidate, group[j] as SeatCandidate);
    }
    // Strictly less: among equally compact groups the one around the desk first in code order wins.
    if (best === undefined || spread < best.spread - 1e-12) best = { group, spread };
  }
  return (best?.group ?? inCodeOrder.slice(0, count)).sort(byCode);
}

/**
 * Chooses desks for `count` people of a team among `freeDesks` (each desk once, whatever the input repeats):
 * 1. when one area has enough free desks, all in one area: the first such area (in the order the desks are given,
 *    which the API makes the office's area order), its most compact group (`sideBySide`);
 * 2. otherwise over the fewest areas: the areas with the most free desks first, the last one only in part (its most
 *    compact group); when there are fewer free desks than people, all of them.
 */
export function chooseSeats(freeDesks: readonly SeatCandidate[], count: number): SeatChoice {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number, 0 or more: ${count}`);
  const areas = areasOf(freeDesks);
  if (count === 0 || areas.length === 0) return { deskIds: [], sideBySide: true };
  const fitting = areas.find((area) => area.length >= count);
  if (fitting) return { deskIds: compactGroup(fitting, count).map((desk) => desk.deskId), sideBySide: true };

  const largestFirst = areas
    .map((area, index) => ({ area, index }))
    .sort((a, b) => b.area.length - a.area.length || a.index - b.index);
  const chosen: SeatCandidate[] = [];
  let used = 0;
  for (const { area } of largestFirst) {
    const left = count - chosen.length;
    if (left <= 0) break;
    chosen.push(...compactGroup(area, left));
    used += 1;
  }
  return { deskIds: chosen.map((desk) => desk.deskId), sideBySide: used <= 1 };
}

/**
 * The free desk next to a team's taken desks, for a member who joins later: a free desk in an area where the team
 * sits (the area with most of its desks first), nearest to one of them (by floor-plan position when both are placed,
 * else by code order among the area's desks); when no such desk is free, the first free desk in code order of the
 * first area given; none free: undefined.
 */
export function nearestSeat(
  free: readonly SeatCandidate[],
  taken: readonly SeatCandidate[],
): SeatCandidate | undefined {
  const teamAreas = new Map<string, number>();
  for (const desk of taken) teamAreas.set(desk.areaId, (teamAreas.get(desk.areaId) ?? 0) + 1);
  const freeAreas = areasOf(free);
  const near = freeAreas.filter((area) => teamAreas.has(area[0]?.areaId ?? ''));
  if (near.length === 0) return freeAreas[0]?.sort(byCode)[0];

  let best: { desk: SeatCandidate; areaSeats: number; gap: number } | undefined;
  for (const area of near) {
    const areaId = area[0]?.areaId ?? '';
    const areaSeats = teamAreas.get(areaId) ?? 0;
    const team = taken.filter((desk) => desk.areaId === areaId);
    const ranked = [...area, ...team].sort(byCode);
    const rank = new Map(ranked.map((desk, index) => [desk.deskId, index]));
    for (const desk of [...area].sort(byCode)) {
      const gap = Math.min(
        ...team.map((member) => {
          const metric = distance(desk, member);
          // Placed desks compare on the floor plan (≤ √2); unplaced ones by their code numbers, always after placed ones.
          return Number.isFinite(metric)
            ? metric
            : 2 + codeGap(desk, member, Math.abs((rank.get(desk.deskId) ?? 0) - (rank.get(member.deskId) ?? 0)));
        }),
      );
      if (
        best === undefined ||
        areaSeats > best.areaSeats ||
        (areaSeats === best.areaSeats && gap < best.gap - 1e-12)
      ) {
        best = { desk, areaSeats, gap };
      }
    }
  }
  return best?.desk;
}

const NUMBERED = /^(.*?)(\d+)$/;

/** How far apart two desk codes are: by their numbers when they share a prefix (A-05, A-07: 2), else by rank. */
function codeGap(a: SeatCandidate, b: SeatCandidate, rankGap: number): number {
  const left = NUMBERED.exec(a.code);
  const right = NUMBERED.exec(b.code);
  if (left && right && left[1] === right[1]) return Math.abs(Number(left[2]) - Number(right[2]));
  return 1_000 + rankGap;
}

/**
 * Demo floor plans: plain SVG documents (rooms as labelled rectangles, no scripts), and where each desk stands on
 * them as fractions (0..1) of the plan's width and height. The client draws the desks itself at those positions.
 */
export interface DemoFloorPlan {
  readonly svg: string;
  /** Desk positions [x, y], in the order of the area's desk codes. */
  readonly positions: readonly (readonly [number, number])[];
}

interface Room {
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function floorPlanSvg(title: string, width: number, height: number, rooms: readonly Room[]): string {
  const shapes = rooms
    .map(
      (room) =>
        `  <rect x="${room.x}" y="${room.y}" width="${room.width}" height="${room.height}" fill="#f5f5f0" stroke="#3c3c3c" stroke-width="4"/>\n` +
        `  <text x="${room.x + 16}" y="${room.y + 36}" font-family="sans-serif" font-size="24" fill="#3c3c3c">${room.label}</text>`,
    )
    .join('\n');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="plan-title">\n` +
    `  <title id="plan-title">${title}</title>\n` +
    `  <rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>\n` +
    `${shapes}\n</svg>\n`
  );
}

/** Co-Working Erlangen Hauptbahnhof, area "Offene Fläche": ten desks in two rows of five. */
const ERLANGEN_OPEN_SPACE: DemoFloorPlan = {
  svg: floorPlanSvg('Grundriss Offene Fläche, Co-Working Erlangen Hauptbahnhof', 1000, 600, [
    { label: 'Offene Fläche', x: 20, y: 20, width: 600, height: 560 },
    { label: 'Besprechungsraum', x: 640, y: 20, width: 340, height: 280 },
    { label: 'Teeküche', x: 640, y: 320, width: 340, height: 160 },
    { label: 'Eingang', x: 640, y: 500, width: 340, height: 80 },
  ]),
  positions: [0.35, 0.75].flatMap((y) => [0.1, 0.2, 0.3, 0.4, 0.5].map((x): readonly [number, number] => [x, y])),
};

/** Satellitenbüro Fürth Rathaus, area "Erdgeschoss": six desks in two rows of three. */
const FUERTH_GROUND_FLOOR: DemoFloorPlan = {
  svg: floorPlanSvg('Grundriss Erdgeschoss, Satellitenbüro Fürth Rathaus', 800, 500, [
    { label: 'Arbeitsraum', x: 20, y: 20, width: 480, height: 460 },
    { label: 'Empfang', x: 520, y: 20, width: 260, height: 220 },
    { label: 'Sanitärräume', x: 520, y: 260, width: 260, height: 220 },
  ]),
  positions: [
    [0.15, 0.35],
    [0.325, 0.35],
    [0.5, 0.35],
    [0.15, 0.75],
    [0.325, 0.75],
    [0.5, 0.75],
  ],
};

/** Floor plans by office name and area name. */
export const DEMO_FLOOR_PLANS: Readonly<Record<string, Readonly<Record<string, DemoFloorPlan>>>> = {
  'Co-Working Erlangen Hauptbahnhof': { 'Offene Fläche': ERLANGEN_OPEN_SPACE },
  'Satellitenbüro Fürth Rathaus': { Erdgeschoss: FUERTH_GROUND_FLOOR },
};

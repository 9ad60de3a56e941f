/** German names of the equipment values the API knows today; other values are shown as they come. */
const EQUIPMENT_LABELS: Readonly<Record<string, string>> = {
  MONITOR: $localize`Monitor`,
  DOCKING_STATION: $localize`Dockingstation`,
  HEIGHT_ADJUSTABLE: $localize`Höhenverstellbarer Tisch`,
};

export function equipmentLabel(value: string): string {
  return Object.hasOwn(EQUIPMENT_LABELS, value) ? (EQUIPMENT_LABELS[value] ?? value) : value;
}

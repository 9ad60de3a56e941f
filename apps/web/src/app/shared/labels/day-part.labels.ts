import type { DayPart } from '../../core/graphql/api.types';

export const DAY_PART_LABELS: Readonly<Record<DayPart, string>> = {
  MORNING: $localize`:part of the day:Vormittag`,
  AFTERNOON: $localize`:part of the day:Nachmittag`,
  FULL_DAY: $localize`:part of the day:Ganzer Tag`,
};

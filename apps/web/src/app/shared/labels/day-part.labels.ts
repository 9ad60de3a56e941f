import type { DayPart } from '../../core/graphql/api.types';

export const DAY_PART_LABELS: Readonly<Record<DayPart, string>> = {
  MORNING: 'Vormittag',
  AFTERNOON: 'Nachmittag',
  FULL_DAY: 'Ganzer Tag',
};

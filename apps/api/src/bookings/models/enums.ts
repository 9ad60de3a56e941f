import type { DayPart as DomainDayPart } from '@nahbar/domain';
import { registerEnumType } from '@nestjs/graphql';

import type { BookingStatus as EntityBookingStatus } from '../booking.entity.js';

export const DayPart = {
  MORNING: 'MORNING',
  AFTERNOON: 'AFTERNOON',
  FULL_DAY: 'FULL_DAY',
} as const satisfies Record<DomainDayPart, DomainDayPart>;

export const BookingStatus = {
  BOOKED: 'BOOKED',
  CHECKED_IN: 'CHECKED_IN',
  CANCELLED: 'CANCELLED',
  RELEASED: 'RELEASED',
} as const satisfies Record<EntityBookingStatus, EntityBookingStatus>;

registerEnumType(DayPart, {
  name: 'DayPart',
  description: 'Part of the day: a full day holds both halves.',
  valuesMap: {
    MORNING: { description: 'Vormittag' },
    AFTERNOON: { description: 'Nachmittag' },
    FULL_DAY: { description: 'Ganzer Tag' },
  },
});

registerEnumType(BookingStatus, { name: 'BookingStatus' });

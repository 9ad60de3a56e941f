import { BookingEntity } from '../bookings/booking.entity.js';
import { CalendarFeedEntity } from '../calendar/calendar-feed.entity.js';
import { PostalCodeEntity } from '../near-home/postal-code.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { PersonEntity } from '../organisations/person.entity.js';
import { AreaEntity } from '../places/area.entity.js';
import { DeskEntity } from '../places/desk.entity.js';
import { MunicipalityEntity } from '../places/municipality.entity.js';
import { OfficeEntity } from '../places/office.entity.js';
import { OfficeClosureEntity } from '../places/office-closure.entity.js';
import { PresenceAnswerEntity } from '../presence/days/presence-answer.entity.js';
import { PresenceDayEntity } from '../presence/days/presence-day.entity.js';
import { WaitlistEntryEntity } from '../waitlist/waitlist-entry.entity.js';

export const ENTITIES = [
  OrganisationEntity,
  PersonEntity,
  MunicipalityEntity,
  OfficeEntity,
  OfficeClosureEntity,
  AreaEntity,
  DeskEntity,
  BookingEntity,
  WaitlistEntryEntity,
  PresenceDayEntity,
  PresenceAnswerEntity,
  CalendarFeedEntity,
  PostalCodeEntity,
];

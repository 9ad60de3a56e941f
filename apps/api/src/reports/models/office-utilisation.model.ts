import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import { UtilisationFigures } from './utilisation-figures.model.js';

@ObjectType('AreaUtilisation', { description: 'Utilisation of one area (floor, zone) of an office.' })
export class AreaUtilisation {
  @Field(() => ID)
  areaId!: string;

  @Field()
  areaName!: string;

  @Field(() => UtilisationFigures)
  figures!: UtilisationFigures;
}

@ObjectType('WeekdayUtilisation', { description: 'Utilisation of an office on one opening weekday.' })
export class WeekdayUtilisation {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday!: number;

  @Field(() => Int, { description: 'Open days of this weekday in the range.' })
  openDays!: number;

  @Field({ description: 'One of the weekdays with the highest utilisation.' })
  peak!: boolean;

  @Field(() => UtilisationFigures)
  figures!: UtilisationFigures;
}

@ObjectType('OfficeUtilisation', {
  description: 'Utilisation of an office over a range of days, in total, per area and per opening weekday.',
})
export class OfficeUtilisation {
  @Field(() => ID)
  officeId!: string;

  @Field()
  officeName!: string;

  @Field({ description: 'First day, civil date YYYY-MM-DD.' })
  from!: string;

  @Field({ description: 'Last day (inclusive), civil date YYYY-MM-DD.' })
  to!: string;

  @Field(() => Int, { description: 'Days the office was open: opening weekdays, no holiday, no closure.' })
  openDays!: number;

  @Field(() => UtilisationFigures)
  figures!: UtilisationFigures;

  @Field(() => [AreaUtilisation], { description: 'The areas in their order.' })
  areas!: AreaUtilisation[];

  @Field(() => [WeekdayUtilisation], { description: 'The opening weekdays, Monday first.' })
  weekdays!: WeekdayUtilisation[];

  @Field(() => [Int], {
    description: 'ISO weekdays with the highest utilisation (several on a tie; none without bookings).',
  })
  peakWeekdays!: number[];
}

@ObjectType('OfficeUtilisationSummary', { description: 'One office in the utilisation overview.' })
export class OfficeUtilisationSummary {
  @Field(() => ID)
  officeId!: string;

  @Field()
  officeName!: string;

  @Field(() => Int)
  openDays!: number;

  @Field(() => UtilisationFigures)
  figures!: UtilisationFigures;

  @Field(() => [Int], { description: 'ISO weekdays with the highest utilisation.' })
  peakWeekdays!: number[];
}

@ObjectType('UtilisationOverview', {
  description: 'Utilisation of every office whose figures you see, over a range of days, by office name.',
})
export class UtilisationOverview {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => [OfficeUtilisationSummary])
  offices!: OfficeUtilisationSummary[];

  @Field(() => UtilisationFigures, { description: 'All these offices together.' })
  figures!: UtilisationFigures;
}

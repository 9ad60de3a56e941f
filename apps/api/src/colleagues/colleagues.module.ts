import { Module } from '@nestjs/common';

import { BookingsModule } from '../bookings/bookings.module.js';
import { PlacesModule } from '../places/places.module.js';
import { ColleaguesResolver } from './colleagues.resolver.js';
import { ColleaguesService } from './colleagues.service.js';

/** Who is in, favourite desks and colleagues, booking next to a colleague (issue 6). */
@Module({ imports: [PlacesModule, BookingsModule], providers: [ColleaguesService, ColleaguesResolver] })
export class ColleaguesModule {}

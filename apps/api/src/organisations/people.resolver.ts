import { Query, Resolver } from '@nestjs/graphql';

import { Public } from '../identity/public.decorator.js';
import { Person } from './models/person.model.js';
import { PeopleService } from './people.service.js';

@Resolver(() => Person)
export class PeopleResolver {
  constructor(private readonly people: PeopleService) {}

  @Public()
  @Query(() => [Person], { description: 'People to act as in demo mode (no sign-in yet). Refused outside demo mode.' })
  demoPeople(): Promise<Person[]> {
    return this.people.demoPeople();
  }
}

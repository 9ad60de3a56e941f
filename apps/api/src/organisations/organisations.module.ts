import { Module } from '@nestjs/common';

import { PeopleResolver } from './people.resolver.js';
import { PeopleService } from './people.service.js';
import { ProfileResolver } from './profile.resolver.js';
import { ProfileService } from './profile.service.js';
import { RolesResolver } from './roles.resolver.js';
import { RolesService } from './roles.service.js';

@Module({
  providers: [PeopleService, PeopleResolver, ProfileService, ProfileResolver, RolesService, RolesResolver],
})
export class OrganisationsModule {}

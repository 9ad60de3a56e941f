import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import type { Caller } from '../identity/caller.js';
import { CurrentCaller } from '../identity/current-person.decorator.js';
import { RequiresRole } from '../identity/requires-role.decorator.js';
import { CheckInService } from './check-in.service.js';
import { AreaIdArgs } from './dto/area-id.args.js';
import { CheckInTokenArgs } from './dto/check-in-token.args.js';
import { Booking } from './models/booking.model.js';
import { CheckInDesk } from './models/check-in-desk.model.js';
import { DeskQrCode } from './models/desk-qr-code.model.js';

@Resolver(() => CheckInDesk)
export class CheckInResolver {
  constructor(private readonly checkIns: CheckInService) {}

  @Query(() => CheckInDesk, {
    description: "The desk of a check-in link (QR code) and the caller's booking of it today: the check-in page.",
  })
  deskByCheckInToken(@Args() { token }: CheckInTokenArgs, @CurrentCaller() caller: Caller): Promise<CheckInDesk> {
    return this.checkIns.deskByToken(caller, token);
  }

  @Mutation(() => Booking, {
    description: "Checks in at the desk of the link: the caller's booking of it today, within the office's window.",
  })
  checkIn(@Args() { token }: CheckInTokenArgs, @CurrentCaller() caller: Caller): Promise<Booking> {
    return this.checkIns.checkIn(caller, token);
  }

  @Query(() => [DeskQrCode], {
    description: "QR codes of the area's desks, for a printable page: facility managers and admins of the office.",
  })
  @RequiresRole('FACILITY_MANAGER', 'ORGANISATION_ADMIN')
  deskQrCodes(@Args() { areaId }: AreaIdArgs, @CurrentCaller() caller: Caller): Promise<DeskQrCode[]> {
    return this.checkIns.qrCodes(caller, areaId);
  }
}

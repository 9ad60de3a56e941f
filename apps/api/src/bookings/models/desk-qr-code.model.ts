import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('DeskQrCode', { description: "A desk's check-in link and its QR code, for the printable page of an area." })
export class DeskQrCode {
  @Field(() => ID)
  deskId!: string;

  @Field()
  code!: string;

  @Field({ description: 'The link the QR code encodes: the check-in page of the desk.' })
  checkInUrl!: string;

  @Field({ description: 'A complete SVG document of the QR code encoding checkInUrl.' })
  svg!: string;
}

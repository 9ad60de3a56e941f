import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('LocalizedText', { description: 'A text for people in German (the source language) and English.' })
export class LocalizedText {
  @Field()
  de!: string;

  @Field()
  en!: string;
}

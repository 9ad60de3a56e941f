import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('MyDataExport', {
  description: 'Everything nahbar holds about you (Art. 15 and 20 GDPR), as a JSON document to save as a file.',
})
export class MyDataExport {
  @Field({ description: 'Suggested file name, e.g. nahbar-meine-daten-2026-11-23.json.' })
  fileName!: string;

  @Field({ description: 'When the export was made (ISO 8601 instant).' })
  generatedAt!: string;

  @Field({ description: 'The export: a JSON document (format "nahbar-my-data/1").' })
  json!: string;
}

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';

import { startTestApi, type TestApi } from './support/test-api.js';

const COMMITTED_SCHEMA = join(import.meta.dirname, '..', 'schema.graphql');
const HEADER = '# Generated from the code-first API by `npx nx run api:schema`. Do not edit: a test compares it.\n\n';

describe('the committed GraphQL schema', () => {
  let test: TestApi;

  beforeAll(async () => {
    test = await startTestApi('pglite');
  });

  afterAll(async () => {
    await test?.stop();
  });

  it('matches what the code generates (run `npx nx run api:schema` after changing the API)', async () => {
    const generated = HEADER + printSchema(test.api.app.get(GraphQLSchemaHost).schema) + '\n';
    if (process.env['NAHBAR_UPDATE_SCHEMA'] === 'true') {
      await writeFile(COMMITTED_SCHEMA, generated);
    }
    const committed = await readFile(COMMITTED_SCHEMA, 'utf8').catch(() => '');
    expect(committed).toBe(generated);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSchema, parse, validate } from 'graphql';

import {
  ADD_FAVOURITE_COLLEAGUE,
  ADD_FAVOURITE_DESK,
  BOOK_NEXT_TO,
  COLLEAGUE_SEARCH,
  MY_FAVOURITE_COLLEAGUES,
  MY_FAVOURITE_DESKS,
  REMOVE_FAVOURITE_COLLEAGUE,
  REMOVE_FAVOURITE_DESK,
  WHOS_IN,
} from './colleagues.api';

/** The API's committed schema, as in core/graphql/operations-match-schema.spec.ts. */
const SCHEMA_FILE = join(__dirname, '../../../../../api/schema.graphql');

const OPERATIONS = {
  WHOS_IN,
  COLLEAGUE_SEARCH,
  MY_FAVOURITE_DESKS,
  MY_FAVOURITE_COLLEAGUES,
  ADD_FAVOURITE_DESK,
  REMOVE_FAVOURITE_DESK,
  ADD_FAVOURITE_COLLEAGUE,
  REMOVE_FAVOURITE_COLLEAGUE,
  BOOK_NEXT_TO,
};

describe('GraphQL operations of who is in and favourites', () => {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  it.each(Object.entries(OPERATIONS))('%s is valid against the API schema', (_name, operation) => {
    expect(validate(schema, parse(operation.document)).map((error) => error.message)).toEqual([]);
  });
});

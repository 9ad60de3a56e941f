import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';

/** The facility operations: what a facility manager reads and does (issue 7). */
const FACILITY_OPERATIONS = [
  'managedOffices',
  'blockDesk',
  'unblockDesk',
  'addOfficeClosure',
  'removeOfficeClosure',
  'setOfficeCapacity',
];
/** Types that stand for a person. */
const PERSON_TYPES = /^(Person|People|Member|Profile|Me|Staff|DemoPerson|WhoIsIn)/i;
/** Field names that would tell who someone is or what they did. */
const PERSONAL_FIELDS = /person|people|email|displayName|member|bookedBy|booker|attendee|user|name$/i;
/** Names that may end in "name" because they name a place, not a person. */
const PLACE_NAMES = new Set(['name', 'areaName', 'municipalityName', 'officeName']);

/** Every object type reachable from the operations' return types, with the path that reached it. */
function reachableTypes(schema: GraphQLSchema, roots: readonly GraphQLField<unknown, unknown>[]): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (type: GraphQLNamedType, path: string): void => {
    if (seen.has(type.name)) return;
    seen.set(type.name, path);
    const members = isUnionType(type) ? type.getTypes() : [];
    for (const member of members) visit(member, `${path} | ${member.name}`);
    if (!isObjectType(type) && !isInterfaceType(type)) return;
    for (const field of Object.values(type.getFields())) visit(getNamedType(field.type), `${path}.${field.name}`);
  };
  for (const root of roots) visit(getNamedType(root.type), root.name);
  return seen;
}

describe('privacy of the facility operations (DESIGN.md §5)', () => {
  const schema = buildSchema(readFileSync(join(import.meta.dirname, '..', '..', 'schema.graphql'), 'utf8'));
  const fields = { ...schema.getQueryType()?.getFields(), ...schema.getMutationType()?.getFields() };

  it('knows every facility operation in the committed schema', () => {
    for (const name of FACILITY_OPERATIONS) expect(fields[name]).toBeDefined();
  });

  it('returns offices, desks, closures and counts: no type reachable from them is or names a person', () => {
    const roots = FACILITY_OPERATIONS.flatMap((name) => (fields[name] ? [fields[name]] : []));
    const reachable = reachableTypes(schema, roots);
    const violations: string[] = [];
    for (const [typeName, path] of reachable) {
      if (PERSON_TYPES.test(typeName)) violations.push(`${path}: type ${typeName}`);
      const type = schema.getType(typeName);
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (PERSONAL_FIELDS.test(field.name) && !PLACE_NAMES.has(field.name)) {
          violations.push(`${path}.${field.name}`);
        }
        if (PERSON_TYPES.test(getNamedType(field.type).name))
          violations.push(`${path}.${field.name}: returns a person`);
      }
    }
    expect(violations).toEqual([]);
    // The walk itself works: it reaches the types the page shows.
    expect([...reachable.keys()]).toEqual(expect.arrayContaining(['ManagedOffice', 'ManagedDesk', 'OfficeClosure']));
  });

  it('would catch a person: the walk finds a Person type and personal fields in a schema that has them', () => {
    const leaky = buildSchema(`
      type Person { id: ID! displayName: String! }
      type Desk { id: ID! bookedBy: Person email: String }
      type Query { desks: [Desk!]! }
    `);
    const query = leaky.getQueryType()?.getFields()['desks'];
    if (!query) throw new Error('leaky schema has no desks');
    const reachable = reachableTypes(leaky, [query]);
    expect(reachable.has('Person')).toBe(true);
    const desk = leaky.getType('Desk');
    if (!isObjectType(desk)) throw new Error('Desk is no object type');
    expect(Object.keys(desk.getFields()).filter((name) => PERSONAL_FIELDS.test(name))).toEqual(['bookedBy', 'email']);
  });
});

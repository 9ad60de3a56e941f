import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSchema, getNamedType, type GraphQLSchema, isInterfaceType, isObjectType, isUnionType } from 'graphql';

/** The committed schema (a test keeps it equal to what the code generates). */
export function committedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(import.meta.dirname, '..', '..', 'schema.graphql'), 'utf8'));
}

/** Types that stand for a person or what a person did (a booking names whose it is). */
const PERSON_TYPE = /person|people|member|user|profile|booking|attendee|waitlist/i;
/** Fields that name, identify or reach a person. */
const PERSON_FIELD = /person|people|email|displayname|member|user|attendee|owner|who/i;

/**
 * Walks every type reachable from the given root operations (their results and the results of their fields, all
 * the way down) and lists each place that could carry a person: a person-like type, or a field named like one.
 * Empty means the operations return counts and places only (DESIGN.md §5). Arguments are not walked: asking by an
 * id returns nothing about a person by itself.
 */
export function personPaths(schema: GraphQLSchema, operations: readonly string[]): string[] {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (typeName: string, path: string): void => {
    if (PERSON_TYPE.test(typeName)) found.push(`${path}: type ${typeName}`);
    if (seen.has(typeName)) return;
    seen.add(typeName);
    const type = schema.getType(typeName);
    if (isUnionType(type)) {
      for (const member of type.getTypes()) visit(member.name, `${path}<${member.name}>`);
      return;
    }
    if (!isObjectType(type) && !isInterfaceType(type)) return;
    for (const field of Object.values(type.getFields())) {
      const fieldPath = `${path}.${field.name}`;
      if (PERSON_FIELD.test(field.name)) found.push(`${fieldPath}: field named like a person`);
      visit(getNamedType(field.type).name, fieldPath);
    }
  };
  for (const operation of operations) {
    const field = roots.map((root) => root?.getFields()[operation]).find((candidate) => candidate !== undefined);
    if (!field) {
      found.push(`${operation}: no such operation in the schema`);
      continue;
    }
    if (PERSON_FIELD.test(field.name)) found.push(`${operation}: named like a person`);
    visit(getNamedType(field.type).name, operation);
  }
  return found;
}

import { buildSchema } from 'graphql';

import { committedSchema, personPaths } from '../../test/support/person-fields.js';

/** Every operation of the occupancy context: what facility managers see of an office's use. */
const OCCUPANCY_OPERATIONS = ['officeOccupancy', 'officeOccupancyChanged', 'occupancyOffices'];

describe('occupancy is counts, never a person (DESIGN.md §5)', () => {
  const schema = committedSchema();

  it('no type reachable from an occupancy operation is or names a person', () => {
    expect(personPaths(schema, OCCUPANCY_OPERATIONS)).toEqual([]);
  });

  it('descends to every nested type: a person two levels down is found', () => {
    const nested = buildSchema(`
      type Query { board: Board }
      type Board { areas: [Area!]! }
      type Area { free: Int!, lastCheckIn: Visit }
      type Visit { at: String!, displayName: String! }
    `);
    expect(personPaths(nested, ['board'])).toEqual(['board.areas.lastCheckIn.displayName: field named like a person']);
  });

  it('finds a person where there is one, so the check above can fail', () => {
    expect(personPaths(schema, ['me'])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^me: type Profile$/), expect.stringMatching(/me\.email/)]),
    );
    expect(personPaths(schema, ['myBookings'])).toEqual(expect.arrayContaining(['myBookings: type Booking']));
    expect(personPaths(schema, ['noSuchOperation'])).toEqual(['noSuchOperation: no such operation in the schema']);
  });
});

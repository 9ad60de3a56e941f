import { committedSchema, personPaths } from '../../test/support/person-fields.js';

/** Every operation of the reports context: what facility managers see of an office's use over time. */
const REPORT_OPERATIONS = ['officeUtilisation', 'utilisationOverview', 'deskHeatmap'];

describe('utilisation reports are counts and rates, never a person (DESIGN.md §5)', () => {
  const schema = committedSchema();

  it('no type reachable from a report operation is or names a person', () => {
    expect(personPaths(schema, REPORT_OPERATIONS)).toEqual([]);
  });

  it('walks the report types themselves: a made-up operation is reported, so the check above is no empty pass', () => {
    expect(personPaths(schema, ['noSuchReport'])).toEqual(['noSuchReport: no such operation in the schema']);
    for (const type of ['OfficeUtilisation', 'UtilisationOverview', 'DeskHeatmap', 'UtilisationFigures']) {
      expect(schema.getType(type)).toBeDefined();
    }
  });
});

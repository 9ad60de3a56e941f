import type { Office } from '../../core/graphql/api.types';
import { landName, officeLabel } from './office.labels';

const office: Office = {
  id: 'o1',
  name: 'Coworking im Rathaus',
  address: 'Marktplatz 1',
  municipality: { ags: '09162000', name: 'München', land: 'BY' },
  operator: { id: 'org1', name: 'Landeshauptstadt München' },
  deskCount: 12,
};

describe('office labels', () => {
  it('names office, municipality and Land', () => {
    expect(officeLabel(office)).toBe('Coworking im Rathaus – München, Bayern');
  });

  it('writes out every Land and keeps unknown codes', () => {
    expect(landName('nw')).toBe('Nordrhein-Westfalen');
    expect(landName('TH')).toBe('Thüringen');
    expect(landName('XX')).toBe('XX');
  });
});

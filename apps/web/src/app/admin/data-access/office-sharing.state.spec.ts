import type { Office, OfficeSharing } from '../../core/graphql/api.types';
import { cancelledBookingsText, offerableOrganisations, replaceSharing, revokedText } from './office-sharing.state';

const office = (id: string, operatorId = 'land'): Office => ({
  id,
  name: `Büro ${id}`,
  address: 'Marktplatz 1',
  deskCount: 4,
  municipality: { ags: '09562000', name: 'Erlangen', land: 'BY' },
  operator: { id: operatorId, name: 'Land' },
});

describe('sharing an office', () => {
  const all = [
    { id: 'land', name: 'Landesamt' },
    { id: 'stadt-b', name: 'Stadt Bamberg' },
    { id: 'stadt-a', name: 'Stadt Ansbach' },
    { id: 'kreis', name: 'Ämter des Kreises' },
  ];

  it('offers everyone but the operator and those shared with, by name', () => {
    const sharing: OfficeSharing = { office: office('o1'), sharedWith: [{ id: 'stadt-b', name: 'Stadt Bamberg' }] };
    expect(offerableOrganisations(all, sharing).map((o) => o.name)).toEqual(['Ämter des Kreises', 'Stadt Ansbach']);
  });

  it('replaces only the sharing of the same office', () => {
    const list = [
      { office: office('o1'), sharedWith: [] },
      { office: office('o2'), sharedWith: [] },
    ];
    const updated = { office: office('o2'), sharedWith: [{ id: 'kreis', name: 'Kreis' }] };
    const next = replaceSharing(list, updated);
    expect(next[0]).toBe(list[0]);
    expect(next[1]).toBe(updated);
  });

  it('counts cancelled bookings in German', () => {
    expect(cancelledBookingsText(0)).toBe('Es wurden keine Buchungen storniert.');
    expect(cancelledBookingsText(1)).toBe('1 Buchung wurde storniert.');
    expect(cancelledBookingsText(3)).toBe('3 Buchungen wurden storniert.');
  });

  it('says what happened to the bookings after a revocation', () => {
    expect(revokedText('Büro o1', 'Stadt Ansbach', true, 3)).toBe(
      'Stadt Ansbach kann Büro o1 nicht mehr buchen. 3 Buchungen wurden storniert.',
    );
    expect(revokedText('Büro o1', 'Stadt Ansbach', false, 0)).toBe(
      'Stadt Ansbach kann Büro o1 nicht mehr buchen. Bestehende Buchungen bleiben erhalten.',
    );
  });
});

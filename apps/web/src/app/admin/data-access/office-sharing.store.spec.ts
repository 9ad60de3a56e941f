import { TestBed } from '@angular/core/testing';

import { FakeAdminApi } from '../../../testing/fake-admin-api';
import { anOffice } from '../../../testing/office';
import { AdminApi } from './admin.api';
import { OfficeSharingStore } from './office-sharing.store';

describe('OfficeSharingStore', () => {
  let api: FakeAdminApi;
  let store: OfficeSharingStore;

  beforeEach(async () => {
    api = new FakeAdminApi();
    api.sharings = [
      { office: anOffice('o1', 'Co-Working Erlangen'), sharedWith: [{ id: 'stadt', name: 'Stadt Erlangen' }] },
    ];
    api.organisationList = [
      { id: 'land', name: 'Landesamt für Statistik' },
      { id: 'stadt', name: 'Stadt Erlangen' },
      { id: 'kreis', name: 'Landkreis Erlangen-Höchstadt' },
    ];
    TestBed.configureTestingModule({ providers: [OfficeSharingStore, { provide: AdminApi, useValue: api }] });
    store = TestBed.inject(OfficeSharingStore);
    await store.reload();
  });

  it('loads the offices the organisation runs, and offers the organisations not shared with yet', () => {
    expect(store.loadState()).toBe('ready');
    expect(store.offices().map((office) => office.name)).toEqual(['Co-Working Erlangen']);
    const sharing = store.sharings()[0];
    expect(sharing && store.offerable(sharing).map((o) => o.id)).toEqual(['kreis']);
  });

  it('shares an office and shows the new state at once', async () => {
    expect(await store.share('o1', 'kreis')).toBe(true);

    expect(store.sharings()[0]?.sharedWith.map((o) => o.id)).toEqual(['stadt', 'kreis']);
    expect(store.note()).toEqual({
      tone: 'success',
      text: 'Co-Working Erlangen ist jetzt für Landkreis Erlangen-Höchstadt freigegeben.',
    });
    expect(store.busyOfficeId()).toBeNull();
  });

  it('revokes and reports how many bookings were cancelled', async () => {
    api.cancelledBookings = 3;
    expect(await store.revoke('o1', { id: 'stadt', name: 'Stadt Erlangen' }, true)).toBe(true);

    expect(api.calls.at(-1)).toEqual({
      name: 'revokeOfficeSharing',
      input: { officeId: 'o1', organisationId: 'stadt', cancelBookings: true },
    });
    expect(store.sharings()[0]?.sharedWith).toEqual([]);
    expect(store.note()?.text).toBe(
      'Stadt Erlangen kann Co-Working Erlangen nicht mehr buchen. 3 Buchungen wurden storniert.',
    );
  });

  it('keeps the bookings when asked to', async () => {
    await store.revoke('o1', { id: 'stadt', name: 'Stadt Erlangen' }, false);
    expect(store.note()?.text).toContain('Bestehende Buchungen bleiben erhalten.');
  });

  it('explains a refusal in German and reads the list again when it is out of date', async () => {
    api.failWith = 'FORBIDDEN';
    expect(await store.share('o1', 'kreis')).toBe(false);

    expect(store.note()).toEqual({
      tone: 'error',
      text: 'Dafür fehlt Ihnen die Berechtigung. Wenn Sie sie brauchen, wenden Sie sich an die Organisationsverwaltung Ihrer Behörde.',
    });
    expect(api.calls.at(-1)?.name).toBe('organisations');
  });

  it('says when an organisation is gone', async () => {
    api.failWith = 'ORGANISATION_NOT_FOUND';
    await store.share('o1', 'kreis');
    expect(store.note()?.text).toBe(
      'Diese Organisation gibt es nicht (mehr). Bitte laden Sie die Seite neu und wählen Sie erneut.',
    );
  });
});

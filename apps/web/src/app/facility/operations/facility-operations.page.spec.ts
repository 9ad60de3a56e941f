import { TestBed } from '@angular/core/testing';

import { anOffice } from '../../../testing/office';
import type { FacilityOperationResult, ManagedOffice } from './data-access/facility-operations.api';
import { FacilityOperationsApi } from './data-access/facility-operations.api';
import {
  confirmationText,
  doneText,
  percentFromShare,
  replaceOffice,
  shareFromPercent,
} from './data-access/facility-operations.state';
import { FacilityOperationsPage } from './facility-operations.page';

function aManagedOffice(overrides: Partial<ManagedOffice> = {}): ManagedOffice {
  return {
    office: { ...anOffice('o1', 'Satellitenbüro Fürth Rathaus'), deskCount: 2 },
    capacityShare: null,
    totalDesks: 3,
    areas: [
      {
        id: 'a1',
        name: 'Erdgeschoss',
        desks: [
          { id: 'd1', code: 'F-01', blocked: false, blockedReason: null },
          { id: 'd2', code: 'F-02', blocked: false, blockedReason: null },
          { id: 'd3', code: 'F-03', blocked: true, blockedReason: 'Defekter Stuhl' },
        ],
      },
    ],
    closures: [{ id: 'c1', from: '2026-12-24', to: '2026-12-31', reason: 'Betriebsferien' }],
    ...overrides,
  };
}

function aResult(office: ManagedOffice, cancelledBookings: number, dryRun: boolean): FacilityOperationResult {
  return { office, cancelledBookings, endedWaitlistEntries: 0, seatedFromWaitlist: 0, dryRun };
}

describe('facility operations state', () => {
  it('turns the percentage of the form into the share the API takes, and back', () => {
    expect(shareFromPercent('')).toBeNull();
    expect(shareFromPercent(' 50 ')).toBe(0.5);
    expect(shareFromPercent('100')).toBe(1);
    expect(shareFromPercent('0')).toBeUndefined();
    expect(shareFromPercent('101')).toBeUndefined();
    expect(shareFromPercent('12.5')).toBeUndefined();
    expect(shareFromPercent('abc')).toBeUndefined();
    expect(percentFromShare(null)).toBe('');
    expect(percentFromShare(0.29)).toBe('29');
  });

  it('asks for confirmation with counts only', () => {
    const office = aManagedOffice();
    expect(confirmationText('Platz F-01 sperren', aResult(office, 1, true))).toBe(
      'Platz F-01 sperren: Dabei wird 1 Buchung storniert. Die Betroffenen werden sofort benachrichtigt, mit dem Grund. Möchten Sie fortfahren?',
    );
    expect(
      confirmationText('Schließung hinzufügen', { ...aResult(office, 3, true), endedWaitlistEntries: 2 }),
    ).toContain('Dabei werden 3 Buchungen storniert. 2 Einträge auf der Warteliste enden.');
  });

  it('says how many people waiting got a desk', () => {
    const office = aManagedOffice();
    expect(doneText('Platz F-01 freigegeben', { ...aResult(office, 0, false), seatedFromWaitlist: 1 })).toBe(
      'Platz F-01 freigegeben. 1 Person von der Warteliste hat einen Platz bekommen und wurde benachrichtigt.',
    );
    expect(doneText('Obergrenze geändert', { ...aResult(office, 0, false), seatedFromWaitlist: 3 })).toBe(
      'Obergrenze geändert. 3 Personen von der Warteliste haben einen Platz bekommen und wurden benachrichtigt.',
    );
  });

  it('replaces an office in the list', () => {
    const old = aManagedOffice();
    const other = aManagedOffice({ office: anOffice('o2', 'Anderes Büro') });
    const changed = aManagedOffice({ capacityShare: 0.5 });
    expect(replaceOffice([old, other], changed)).toEqual([changed, other]);
  });
});

describe('FacilityOperationsPage', () => {
  let api: {
    managedOffices: jest.Mock;
    blockDesk: jest.Mock;
    unblockDesk: jest.Mock;
    addOfficeClosure: jest.Mock;
    removeOfficeClosure: jest.Mock;
    setOfficeCapacity: jest.Mock;
  };

  async function render(): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [{ provide: FacilityOperationsApi, useValue: api }] });
    const fixture = TestBed.createComponent(FacilityOperationsPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(page: HTMLElement): Promise<void> {
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
    void page;
  }

  const buttonNamed = (page: HTMLElement, label: string): HTMLButtonElement => {
    const button = [...page.querySelectorAll('button')].find(
      (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === label,
    );
    if (!button) throw new Error(`no button ${label}`);
    return button;
  };

  const type = (input: HTMLInputElement, value: string): void => {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  beforeEach(() => {
    api = {
      managedOffices: jest.fn().mockResolvedValue([aManagedOffice()]),
      blockDesk: jest.fn(),
      unblockDesk: jest.fn(),
      addOfficeClosure: jest.fn(),
      removeOfficeClosure: jest.fn(),
      setOfficeCapacity: jest.fn(),
    };
  });

  it('lists the desks per area with their state, every control labelled', async () => {
    const page = await render();
    await settle(page);
    expect(page.querySelector('h3')?.textContent).toContain('Erdgeschoss');
    expect(page.textContent).toContain('Platz F-03');
    expect(page.textContent).toContain('gesperrt: Defekter Stuhl');
    expect(page.textContent).toContain('2 von 3 Plätzen sind buchbar');
    expect(page.textContent).toContain('Betriebsferien');
    for (const input of page.querySelectorAll('input, select')) {
      expect(page.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    }
  });

  it('asks for a reason before blocking', async () => {
    const page = await render();
    await settle(page);
    buttonNamed(page, 'Platz F-01 sperren').click();
    await settle(page);
    expect(api.blockDesk).not.toHaveBeenCalled();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Grund für die Sperre von Platz F-01');
  });

  it('shows how many bookings a block cancels and blocks only after confirmation', async () => {
    const blocked = aManagedOffice();
    api.blockDesk.mockImplementation(({ dryRun }: { dryRun: boolean }) => Promise.resolve(aResult(blocked, 2, dryRun)));
    const page = await render();
    await settle(page);
    type(page.querySelector<HTMLInputElement>('#reason-d1') as HTMLInputElement, 'Wasserschaden');
    buttonNamed(page, 'Platz F-01 sperren').click();
    await settle(page);
    expect(api.blockDesk).toHaveBeenCalledTimes(1);
    expect(api.blockDesk).toHaveBeenCalledWith({ deskId: 'd1', reason: 'Wasserschaden', dryRun: true });
    const dialog = page.querySelector('[role="alertdialog"]');
    expect(dialog?.textContent).toContain('2 Buchungen storniert');

    buttonNamed(page, 'Ja, fortfahren').click();
    await settle(page);
    expect(api.blockDesk).toHaveBeenLastCalledWith({ deskId: 'd1', reason: 'Wasserschaden', dryRun: false });
    expect(page.querySelector('[role="alertdialog"]')).toBeNull();
    expect(page.textContent).toContain('Platz F-01 ist gesperrt. 2 Buchungen storniert');
  });

  it('changes nothing when the manager cancels the confirmation', async () => {
    api.setOfficeCapacity.mockImplementation(({ dryRun }: { dryRun: boolean }) =>
      Promise.resolve(aResult(aManagedOffice(), 1, dryRun)),
    );
    const page = await render();
    await settle(page);
    type(page.querySelector<HTMLInputElement>('#capacity-percent') as HTMLInputElement, '50');
    await settle(page);
    expect(page.textContent).toContain('Das sind derzeit 1 von 2 Plätzen je Halbtag.');
    buttonNamed(page, 'Höchstbelegung speichern').click();
    await settle(page);
    expect(api.setOfficeCapacity).toHaveBeenCalledWith({ officeId: 'o1', capacityShare: 0.5, dryRun: true });
    buttonNamed(page, 'Abbrechen').click();
    await settle(page);
    expect(api.setOfficeCapacity).toHaveBeenCalledTimes(1);
    expect(page.textContent).toContain('Nichts geändert.');
  });

  it('runs at once what cancels nothing: unblocking, a closure without bookings, removing a closure', async () => {
    api.unblockDesk.mockResolvedValue(aResult(aManagedOffice(), 0, false));
    api.addOfficeClosure.mockImplementation(({ dryRun }: { dryRun: boolean }) =>
      Promise.resolve(aResult(aManagedOffice(), 0, dryRun)),
    );
    api.removeOfficeClosure.mockResolvedValue(aResult(aManagedOffice({ closures: [] }), 0, false));
    const page = await render();
    await settle(page);
    buttonNamed(page, 'Platz F-03 entsperren').click();
    await settle(page);
    expect(api.unblockDesk).toHaveBeenCalledWith('d3');

    type(page.querySelector<HTMLInputElement>('#closure-from') as HTMLInputElement, '2027-01-04');
    type(page.querySelector<HTMLInputElement>('#closure-reason') as HTMLInputElement, 'Umzug');
    buttonNamed(page, 'Schließung hinzufügen').click();
    await settle(page);
    expect(api.addOfficeClosure).toHaveBeenLastCalledWith({
      officeId: 'o1',
      from: '2027-01-04',
      to: '2027-01-04',
      reason: 'Umzug',
      dryRun: false,
    });

    buttonNamed(page, 'Schließung ab Do., 24.12.2026 entfernen').click();
    await settle(page);
    expect(api.removeOfficeClosure).toHaveBeenCalledWith('c1');
    expect(page.textContent).toContain('Keine Schließungen ab heute.');
  });

  it('says so when the person runs no office', async () => {
    api.managedOffices.mockResolvedValue([]);
    const page = await render();
    await settle(page);
    expect(page.textContent).toContain('Sie verwalten derzeit kein Büro.');
  });
});

import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';

import { anOffice } from '../../../testing/office';
import type { OfficeSharing } from '../../core/graphql/api.types';
import { OfficeSharingCard, type RevokeRequest } from './office-sharing-card';

describe('OfficeSharingCard', () => {
  let fixture: ComponentFixture<OfficeSharingCard>;
  let card: HTMLElement;
  let revoked: RevokeRequest[];
  let shared: string[];

  const SHARING: OfficeSharing = {
    office: anOffice('o1', 'Co-Working Erlangen'),
    sharedWith: [{ id: 'stadt', name: 'Stadt Erlangen' }],
  };

  function button(name: string): HTMLButtonElement | undefined {
    return [...card.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  }

  beforeEach(async () => {
    fixture = TestBed.createComponent(OfficeSharingCard);
    fixture.componentRef.setInput('sharing', SHARING);
    fixture.componentRef.setInput('offerable', [{ id: 'kreis', name: 'Landkreis Erlangen-Höchstadt' }]);
    revoked = [];
    shared = [];
    fixture.componentInstance.revoke.subscribe((request) => revoked.push(request));
    fixture.componentInstance.share.subscribe((organisation) => shared.push(organisation.id));
    card = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  it('lists the organisations it is shared with, each with a labelled "Freigabe entziehen"', () => {
    const revoke = button('Freigabe entziehen');
    expect(card.querySelector('.row__name')?.textContent).toBe('Stadt Erlangen');
    expect(revoke?.getAttribute('aria-label')).toBe('Freigabe entziehen für Stadt Erlangen');
  });

  it('asks what to do with existing bookings before revoking, starting at the question', async () => {
    button('Freigabe entziehen')?.click();
    await fixture.whenStable();

    const group = card.querySelector('[role="group"]');
    const question = group?.querySelector('.confirm__question');
    expect(question?.textContent).toContain('Freigabe für Stadt Erlangen entziehen?');
    expect(group?.getAttribute('aria-labelledby')).toBe(question?.id);
    expect(document.activeElement).toBe(question);
    expect(revoked).toEqual([]);

    button('Bestehende Buchungen stornieren')?.click();
    expect(revoked).toEqual([{ organisation: { id: 'stadt', name: 'Stadt Erlangen' }, cancelBookings: true }]);
  });

  it('can keep the bookings', async () => {
    button('Freigabe entziehen')?.click();
    await fixture.whenStable();
    button('Bestehende Buchungen behalten')?.click();
    expect(revoked[0]?.cancelBookings).toBe(false);
  });

  it('can be cancelled, returning focus to the button that asked', async () => {
    button('Freigabe entziehen')?.click();
    await fixture.whenStable();
    button('Abbrechen')?.click();
    await fixture.whenStable();

    expect(card.querySelector('[role="group"]')).toBeNull();
    expect(document.activeElement).toBe(button('Freigabe entziehen'));
    expect(revoked).toEqual([]);
  });

  it('shares with the chosen organisation, and asks for a choice first', async () => {
    const select = card.querySelector<HTMLSelectElement>('select');
    expect(card.querySelector(`label[for="${select?.id}"]`)?.textContent).toBe('Freigeben für');

    button('Freigeben')?.click();
    await fixture.whenStable();
    expect(card.querySelector('.field-problem')?.textContent).toBe('Bitte wählen Sie zuerst eine Organisation.');
    expect(shared).toEqual([]);

    if (select) {
      select.value = 'kreis';
      select.dispatchEvent(new Event('change'));
    }
    button('Freigeben')?.click();
    expect(shared).toEqual(['kreis']);
  });
});

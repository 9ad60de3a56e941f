import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';

import { aDesk } from '../../../testing/desk-availability';
import type { DeskAvailability } from '../../core/graphql/api.types';
import { DeskCard } from './desk-card';

const desk = (partial: Partial<DeskAvailability> = {}): DeskAvailability => aDesk('A-03', { deskId: 'd3', ...partial });

describe('DeskCard', () => {
  let fixture: ComponentFixture<DeskCard>;

  async function render(
    value: DeskAvailability,
    inputs: { busy?: boolean; dayClosed?: boolean } = {},
  ): Promise<HTMLElement> {
    fixture.componentRef.setInput('desk', value);
    fixture.componentRef.setInput('busy', inputs.busy ?? false);
    fixture.componentRef.setInput('dayClosed', inputs.dayClosed ?? false);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => {
    fixture = TestBed.createComponent(DeskCard);
  });

  it('shows a free desk in words, with a button named after the desk', async () => {
    const card = await render(desk());

    expect(card.querySelector('[data-desk-code="A-03"]')).not.toBeNull();
    const status = card.querySelector('[data-status]');
    expect(status?.getAttribute('data-status')).toBe('free');
    expect(status?.textContent).toContain('frei');
    const button = card.querySelector('button');
    expect(button?.textContent?.trim()).toBe('Buchen');
    expect(button?.getAttribute('aria-label')).toBe('Platz A-03 buchen');
  });

  it('shows a taken desk as belegt, without a button, and which half is still free', async () => {
    const card = await render(desk({ free: false, morningFree: false }));

    expect(card.querySelector('[data-status]')?.getAttribute('data-status')).toBe('taken');
    expect(card.querySelector('[data-status]')?.textContent).toContain('belegt');
    expect(card.querySelector('button')).toBeNull();
    expect(card.textContent).toContain('Nachmittag noch frei');
  });

  it('shows the own booking with a way to cancel it', async () => {
    const card = await render(desk({ free: false, morningFree: false, afternoonFree: false, myBookingId: 'b1' }));

    expect(card.querySelector('[data-status]')?.getAttribute('data-status')).toBe('mine');
    expect(card.querySelector('[data-status]')?.textContent).toContain('Ihre Buchung');
    const button = card.querySelector('button');
    expect(button?.textContent?.trim()).toBe('Stornieren');
    expect(button?.getAttribute('aria-label')).toBe('Buchung von Platz A-03 stornieren');
  });

  it('asks to book a free desk and to cancel an own one', async () => {
    const book = jest.fn();
    const cancel = jest.fn();
    fixture.componentInstance.bookDesk.subscribe(book);
    fixture.componentInstance.cancelBooking.subscribe(cancel);

    let card = await render(desk());
    card.querySelector('button')?.click();
    card = await render(desk({ free: false, morningFree: false, afternoonFree: false, myBookingId: 'b1' }));
    card.querySelector('button')?.click();

    expect(book).toHaveBeenCalledTimes(1);
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  it('keeps the same button (and so the focus) when the desk becomes the own booking', async () => {
    const card = await render(desk());
    const before = card.querySelector('button');
    await render(desk({ free: false, morningFree: false, afternoonFree: false, myBookingId: 'b1' }));
    expect(card.querySelector('button')).toBe(before);
  });

  it('names equipment and accessibility in words', async () => {
    const card = await render(desk({ equipment: ['MONITOR', 'DOCKING_STATION', 'STANDING_MAT'], accessible: true }));
    const facts = [...card.querySelectorAll('[aria-label="Ausstattung"] li')].map((li) => li.textContent?.trim());
    expect(facts).toEqual(['Monitor', 'Dockingstation', 'STANDING_MAT', 'barrierefrei']);
  });

  it('offers a recurring booking for a free desk under its own name', async () => {
    const recurring = jest.fn();
    fixture.componentInstance.bookRecurring.subscribe(recurring);
    const card = await render(desk());
    const buttons = [...card.querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Platz A-03 buchen',
      'Platz A-03 regelmäßig buchen',
    ]);
    expect(buttons[1]?.textContent?.trim()).toBe('Regelmäßig buchen …');
    buttons[1]?.click();
    expect(recurring).toHaveBeenCalledTimes(1);
  });

  it('keeps the recurring button when the desk becomes the own booking, so the dialog can give the focus back', async () => {
    const card = await render(desk());
    const before = card.querySelector('[aria-label="Platz A-03 regelmäßig buchen"]');
    await render(desk({ free: false, morningFree: false, afternoonFree: false, myBookingId: 'b1' }));
    expect(before).not.toBeNull();
    expect(card.querySelector('[aria-label="Platz A-03 regelmäßig buchen"]')).toBe(before);
  });

  it('offers no recurring booking for a desk someone else has', async () => {
    const card = await render(desk({ free: false, morningFree: false, afternoonFree: false }));
    expect(card.querySelector('[aria-label="Platz A-03 regelmäßig buchen"]')).toBeNull();
  });

  it('shows a blocked desk as gesperrt with its reason, in words, and offers nothing', async () => {
    const card = await render(
      desk({ free: false, morningFree: false, afternoonFree: false, blocked: true, blockedReason: 'Stuhl defekt' }),
    );

    const status = card.querySelector('[data-status]');
    expect(status?.getAttribute('data-status')).toBe('blocked');
    expect(status?.textContent?.replace(/\s+/g, ' ').trim()).toBe('⊘ gesperrt: Stuhl defekt');
    expect(card.querySelector('button')).toBeNull();
    expect(card.textContent).not.toContain('noch frei');
  });

  it('shows a free desk as not bookable on a day the office takes no bookings, keeping the series', async () => {
    const book = jest.fn();
    fixture.componentInstance.bookDesk.subscribe(book);
    const card = await render(desk(), { dayClosed: true });

    const status = card.querySelector('[data-status]');
    expect(status?.getAttribute('data-status')).toBe('closed');
    expect(status?.textContent).toContain('an diesem Tag nicht buchbar');
    const buttons = [...card.querySelectorAll('button')];
    expect(buttons.map((button) => button.textContent?.trim())).toEqual(['Regelmäßig buchen …']);
    expect(book).not.toHaveBeenCalled();
  });

  it('still lets the own booking be cancelled on a closed day', async () => {
    const card = await render(desk({ free: false, morningFree: false, afternoonFree: false, myBookingId: 'b1' }), {
      dayClosed: true,
    });
    expect(card.querySelector('button')?.textContent?.trim()).toBe('Stornieren');
  });

  it('ignores clicks while busy', async () => {
    const book = jest.fn();
    fixture.componentInstance.bookDesk.subscribe(book);
    const card = await render(desk(), { busy: true });

    const button = card.querySelector('button');
    button?.click();

    expect(book).not.toHaveBeenCalled();
    expect(button?.getAttribute('aria-disabled')).toBe('true');
    expect(button?.textContent).toContain('Bitte warten');
  });

  it('says the desk is being booked while it waits, even when a live event already made it mine', async () => {
    const card = await render(desk());
    card.querySelector('button')?.click();
    // The live event arrives before the booking's own answer.
    await render(desk({ free: false, morningFree: false, afternoonFree: false, myBookingId: 'b1' }), { busy: true });
    expect(card.querySelector('button')?.getAttribute('aria-label')).toBe('Bitte warten: Platz A-03 wird gebucht');

    await render(desk({ free: false, morningFree: false, afternoonFree: false, myBookingId: 'b1' }));
    expect(card.querySelector('button')?.getAttribute('aria-label')).toBe('Buchung von Platz A-03 stornieren');

    card.querySelector('button')?.click();
    await render(desk({ free: false, morningFree: false, afternoonFree: false, myBookingId: 'b1' }), { busy: true });
    expect(card.querySelector('button')?.getAttribute('aria-label')).toBe(
      'Bitte warten: Buchung von Platz A-03 wird storniert',
    );
  });
  describe('favourite toggle', () => {
    const toggleOf = (card: HTMLElement): HTMLButtonElement | null =>
      card.querySelector<HTMLButtonElement>('[data-testid="favourite-toggle"]');

    it('is left out until the favourites are known', async () => {
      const card = await render(desk());
      expect(toggleOf(card)).toBeNull();
    });

    it('says the state in words and in aria-pressed, and asks to toggle unless busy', async () => {
      const toggle = jest.fn();
      fixture.componentInstance.toggleFavourite.subscribe(toggle);
      fixture.componentRef.setInput('favourite', true);
      const card = await render(desk({ free: false, morningFree: false, afternoonFree: false }));

      const button = toggleOf(card);
      expect(button?.getAttribute('aria-pressed')).toBe('true');
      expect(button?.getAttribute('aria-label')).toBe('Platz A-03 als Favorit entfernen');
      expect(card.querySelector('[data-testid="favourite-mark"]')?.textContent).toContain('Ihr Favorit');
      button?.click();
      expect(toggle).toHaveBeenCalledTimes(1);

      fixture.componentRef.setInput('favouriteBusy', true);
      await fixture.whenStable();
      button?.click();
      expect(toggle).toHaveBeenCalledTimes(1);
      expect(button?.getAttribute('aria-disabled')).toBe('true');
    });
  });
});

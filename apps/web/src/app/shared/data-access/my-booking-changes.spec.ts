import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { anOffice } from '../../../testing/office';
import { aProfile } from '../../../testing/profile';
import { Announcer } from '../../core/a11y/announcer';
import type { Booking, BookingChange, Profile } from '../../core/graphql/api.types';
import type { LiveSink } from '../../core/graphql/graphql-live.client';
import { CurrentPerson } from '../../core/identity/current-person';
import { BookingsApi } from './bookings.api';
import { MyBookingChanges, noticeText } from './my-booking-changes';

const BOOKING: Booking = {
  id: 'b1',
  date: '2026-11-24',
  part: 'FULL_DAY',
  status: 'CANCELLED',
  deskId: 'd3',
  deskCode: 'A-03',
  areaName: 'Erdgeschoss',
  createdAt: '2026-11-20T09:00:00Z',
  office: anOffice('o1', 'Co-Working Erlangen Hauptbahnhof'),
};

describe('noticeText', () => {
  it('tells the person why a booking was cancelled by someone else', () => {
    expect(noticeText({ reason: 'SHARING_REVOKED', booking: BOOKING })).toBe(
      'Ihre Buchung am Di., 24.11.2026 (Ganzer Tag) in Co-Working Erlangen Hauptbahnhof, Erlangen, wurde storniert, weil das Büro nicht mehr für Ihre Organisation freigegeben ist.',
    );
  });

  it('tells the person that a waitlist gave them a desk', () => {
    expect(
      noticeText({ reason: 'WAITLIST_ASSIGNED', booking: { ...BOOKING, status: 'BOOKED', part: 'MORNING' } }),
    ).toBe(
      'Ein Platz ist frei geworden: Sie haben Platz A-03 in Co-Working Erlangen Hauptbahnhof am Di., 24.11.2026 (Vormittag) bekommen.',
    );
  });

  it('tells the person that a booking was released because they did not check in', () => {
    expect(
      noticeText({ reason: 'RELEASED_NO_SHOW', booking: { ...BOOKING, status: 'RELEASED', part: 'MORNING' } }),
    ).toBe(
      'Ihre Buchung von Platz A-03 am Di., 24.11.2026 (Vormittag) in Co-Working Erlangen Hauptbahnhof wurde freigegeben, weil Sie nicht rechtzeitig eingecheckt haben.',
    );
  });

  it('tells the person why facility management cancelled a booking, with the reason it gave', () => {
    const cancelled = { ...BOOKING, part: 'MORNING' as const, cancellationReason: ' Wasserschaden ' };
    expect(noticeText({ reason: 'DESK_BLOCKED', booking: cancelled })).toBe(
      'Ihre Buchung von Platz A-03 am Di., 24.11.2026 (Vormittag) in Co-Working Erlangen Hauptbahnhof wurde storniert, weil der Platz gesperrt wurde. Grund: Wasserschaden',
    );
    expect(noticeText({ reason: 'OFFICE_CLOSED', booking: { ...cancelled, cancellationReason: 'Umzug' } })).toBe(
      'Ihre Buchung von Platz A-03 am Di., 24.11.2026 (Vormittag) in Co-Working Erlangen Hauptbahnhof wurde storniert, weil das Büro an diesem Tag geschlossen ist. Grund: Umzug',
    );
    expect(noticeText({ reason: 'DESK_BLOCKED', booking: { ...cancelled, cancellationReason: null } })).toBe(
      'Ihre Buchung von Platz A-03 am Di., 24.11.2026 (Vormittag) in Co-Working Erlangen Hauptbahnhof wurde storniert, weil der Platz gesperrt wurde.',
    );
    expect(noticeText({ reason: 'CAPACITY_REDUCED', booking: cancelled })).toContain(
      'weil die Höchstbelegung des Büros gesenkt wurde',
    );
  });

  it('says nothing when the person checked in themselves', () => {
    expect(noticeText({ reason: 'CHECKED_IN', booking: { ...BOOKING, status: 'CHECKED_IN' } })).toBeNull();
  });

  it('tells members what a lead’s planning of a team day did to their bookings', () => {
    const booked = { ...BOOKING, status: 'BOOKED' as const };
    expect(noticeText({ reason: 'TEAM_DAY_BOOKED', booking: booked })).toBe(
      'Ihre Teamleitung hat einen Präsenztag geplant: Für Sie ist Platz A-03 in Co-Working Erlangen Hauptbahnhof am Di., 24.11.2026 (Ganzer Tag) gebucht.',
    );
    expect(noticeText({ reason: 'TEAM_DAY_MOVED', booking: BOOKING })).toBe(
      'Ein Präsenztag wurde verlegt: Platz A-03 in Co-Working Erlangen Hauptbahnhof am Di., 24.11.2026 (Ganzer Tag) ist nicht mehr für Sie gebucht.',
    );
    expect(noticeText({ reason: 'TEAM_DAY_MOVED', booking: booked })).toBe(
      'Ein Präsenztag wurde verlegt: Für Sie ist jetzt Platz A-03 in Co-Working Erlangen Hauptbahnhof am Di., 24.11.2026 (Ganzer Tag) gebucht.',
    );
    expect(noticeText({ reason: 'TEAM_DAY_CANCELLED', booking: BOOKING })).toBe(
      'Ein Präsenztag wurde abgesagt: Ihre Buchung von Platz A-03 in Co-Working Erlangen Hauptbahnhof am Di., 24.11.2026 (Ganzer Tag) ist storniert.',
    );
  });

  it('says nothing about the person’s own bookings and cancellations', () => {
    expect(noticeText({ reason: 'BOOKED', booking: BOOKING })).toBeNull();
    expect(noticeText({ reason: 'CANCELLED', booking: BOOKING })).toBeNull();
  });
});

describe('MyBookingChanges', () => {
  let profile: ReturnType<typeof signal<Profile | null>>;
  let sinks: LiveSink<BookingChange>[];
  let stopped: number;
  let connected: (() => void)[];
  let announce: jest.Mock;

  beforeEach(() => {
    profile = signal<Profile | null>(null);
    sinks = [];
    stopped = 0;
    connected = [];
    announce = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        { provide: CurrentPerson, useValue: { profile } },
        { provide: Announcer, useValue: { announce } },
        {
          provide: BookingsApi,
          useValue: {
            followMyBookingChanges: (sink: LiveSink<BookingChange>) => {
              sinks.push(sink);
              return () => (stopped += 1);
            },
            onLiveConnected: (listener: () => void) => {
              connected.push(listener);
              return () => undefined;
            },
          },
        },
      ],
    });
  });

  it('follows only while the API knows the person', () => {
    const changes = TestBed.inject(MyBookingChanges);
    TestBed.tick();
    expect(sinks).toHaveLength(0);

    profile.set(aProfile());
    TestBed.tick();
    expect(sinks).toHaveLength(1);

    profile.set(aProfile({ homePostalCode: '91052' }));
    TestBed.tick();
    expect(sinks).toHaveLength(1);

    profile.set(null);
    TestBed.tick();
    expect(stopped).toBe(1);
    expect(changes.notices()).toEqual([]);
  });

  it('shows and announces a notice for a booking cancelled because of a revoked sharing, until closed', () => {
    const changes = TestBed.inject(MyBookingChanges);
    profile.set(aProfile());
    TestBed.tick();

    sinks[0]?.next({ reason: 'SHARING_REVOKED', booking: BOOKING });

    expect(changes.notices()).toHaveLength(1);
    expect(changes.notices()[0]?.text).toContain('nicht mehr für Ihre Organisation freigegeben');
    expect(announce).toHaveBeenCalledWith(changes.notices()[0]?.text);
    changes.dismiss(changes.notices()[0]?.id ?? -1);
    expect(changes.notices()).toEqual([]);
  });

  it('moves its version on every change and every reconnection, not on the first connection', () => {
    const changes = TestBed.inject(MyBookingChanges);
    profile.set(aProfile());
    TestBed.tick();
    const start = changes.version();

    connected.forEach((listener) => listener());
    expect(changes.version()).toBe(start);
    sinks[0]?.next({ reason: 'BOOKED', booking: BOOKING });
    expect(changes.version()).toBe(start + 1);
    expect(changes.notices()).toEqual([]);
    connected.forEach((listener) => listener());
    expect(changes.version()).toBe(start + 2);
  });
});

import { ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, resource, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { map } from 'rxjs';

import { BOOKING_QUERY_PARAMS, ROUTE_LINKS } from '../app.paths';
import { errorMessageFor } from '../core/errors/error-messages';
import type { Booking, CheckInDesk } from '../core/graphql/api.types';
import type { ClientErrorCode } from '../core/graphql/graphql-request.error';
import { errorCodeOf, GraphqlRequestError } from '../core/graphql/graphql-request.error';
import { DAY_PART_LABELS } from '../shared/labels/day-part.labels';
import { CheckInApi } from './data-access/check-in.api';

/** What the page shows for the desk of the QR code. */
export type CheckInState =
  | { readonly kind: 'ready'; readonly booking: Booking }
  | { readonly kind: 'checked-in'; readonly booking: Booking }
  | { readonly kind: 'no-booking' };

/** The state for the desk as read, after a check-in the person made on this page (if any). */
export function checkInState(desk: CheckInDesk, checkedIn: Booking | null): CheckInState {
  const booking = checkedIn ?? desk.myBookingToday;
  if (booking?.status === 'CHECKED_IN') {
    return { kind: 'checked-in', booking };
  }
  if (booking?.status === 'BOOKED') {
    return { kind: 'ready', booking };
  }
  return { kind: 'no-booking' };
}

/** After these refusals the person can only book anew: the page offers the booking link. */
const OFFER_BOOKING_AFTER: ReadonlySet<ClientErrorCode> = new Set<ClientErrorCode>([
  'NO_BOOKING_TO_CHECK_IN',
  'CHECK_IN_CLOSED',
]);

/**
 * The page a phone opens from a desk's QR code: shows the desk and, when the person booked it today, one big
 * button to check in. Phone first: one column, large type and targets, usable at 320 px.
 */
@Component({
  selector: 'nb-check-in-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './check-in.page.html',
  styleUrl: './check-in.page.css',
})
export class CheckInPage {
  private readonly api = inject(CheckInApi);
  private readonly document = inject(DOCUMENT);
  protected readonly partLabels = DAY_PART_LABELS;
  protected readonly bookingLink = ROUTE_LINKS.booking;

  protected readonly token = toSignal(
    inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('token') ?? '')),
    {
      initialValue: '',
    },
  );

  protected readonly desk = resource({
    params: () => this.token() || undefined,
    loader: ({ params, abortSignal }) => this.api.deskByToken(params, abortSignal),
  });

  /** The booking after a successful check-in on this page. */
  private readonly checkedIn = signal<Booking | null>(null);
  protected readonly busy = signal(false);
  protected readonly refusal = signal<{ readonly code: ClientErrorCode; readonly text: string } | null>(null);

  protected readonly state = computed((): CheckInState | null =>
    this.desk.hasValue() ? checkInState(this.desk.value(), this.checkedIn()) : null,
  );

  protected readonly offerBooking = computed(() => {
    const refusal = this.refusal();
    return this.state()?.kind === 'no-booking' || (refusal !== null && OFFER_BOOKING_AFTER.has(refusal.code));
  });

  /** Why the desk could not be read, in plain German: an unknown QR code needs its own words. */
  protected readonly loadError = computed(() => {
    const error = this.desk.error();
    if (error === undefined) {
      return null;
    }
    if (error instanceof GraphqlRequestError && error.apiMessage) {
      return error.apiMessage;
    }
    return errorCodeOf(error) === 'DESK_NOT_FOUND'
      ? $localize`Zu diesem QR-Code gibt es keinen Platz, oder das Büro ist für Ihre Organisation nicht freigegeben. Bitte fragen Sie vor Ort nach oder buchen Sie einen anderen Platz.`
      : errorMessageFor(error);
  });

  protected bookingQueryParams(desk: CheckInDesk): Record<string, string> {
    return { [BOOKING_QUERY_PARAMS.office]: desk.office.id };
  }

  protected async checkIn(): Promise<void> {
    const token = this.token();
    if (this.busy() || token === '') {
      return;
    }
    this.busy.set(true);
    this.refusal.set(null);
    try {
      this.checkedIn.set(await this.api.checkIn(token));
      // The button is gone: the confirmation takes the focus, so the screen reader reads it.
      setTimeout(() => this.document.getElementById('check-in-result')?.focus());
    } catch (error) {
      this.refusal.set({ code: errorCodeOf(error), text: errorMessageFor(error) });
    } finally {
      this.busy.set(false);
    }
  }
}

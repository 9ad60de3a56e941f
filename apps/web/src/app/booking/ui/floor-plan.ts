import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import type { DeskAvailability } from '../../core/graphql/api.types';
import { svgDataUrl } from '../../shared/images/svg-data-url';
import type { DeskStatus } from '../data-access/desk-availability.state';
import type { DeskMarker, PlanArea } from '../floor-plan';
import { markerLabel } from '../floor-plan';

/** Shapes inside the markers, the same as on the cards: status never by colour alone. */
const STATUS_ICON: Readonly<Record<DeskStatus, string>> = {
  free: '✓',
  taken: '✕',
  mine: '★',
  blocked: '⊘',
  closed: '–',
};

/**
 * An area's floor plan with a button per placed desk, and the desks without a position below it. Activating a free
 * desk books it, one's own booking cancels it; a taken or blocked desk, or any on a day the office takes no bookings,
 * does nothing (it stays focusable, aria-disabled).
 */
@Component({
  selector: 'nb-floor-plan',
  imports: [NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './floor-plan.html',
  styleUrl: './floor-plan.css',
})
export class FloorPlan {
  readonly area = input.required<PlanArea>();
  readonly placed = input.required<readonly DeskMarker[]>();
  readonly unplaced = input.required<readonly DeskMarker[]>();
  /** Desk whose booking or cancellation is under way. */
  readonly busyDeskId = input<string | null>(null);
  readonly bookDesk = output<DeskAvailability>();
  readonly cancelBooking = output<DeskAvailability>();

  protected readonly planUrl = computed(() => svgDataUrl(this.area().floorPlanSvg));
  protected readonly markersLabel = computed(() => $localize`Plätze im Grundriss ${this.area().name}:area:`);
  /** The legend names the sign for "not bookable that day" only when it is shown. */
  protected readonly showsClosed = computed(() =>
    [...this.placed(), ...this.unplaced()].some((marker) => marker.status === 'closed'),
  );

  protected icon(marker: DeskMarker): string {
    return STATUS_ICON[marker.status];
  }

  protected label(marker: DeskMarker): string {
    return marker.desk.deskId === this.busyDeskId() ? markerLabel(marker.desk, true) : marker.label;
  }

  /** Only free desks and one's own bookings act; the rest stay focusable (aria-disabled) so their names are heard. */
  protected inactive(marker: DeskMarker): boolean {
    return (marker.status !== 'free' && marker.status !== 'mine') || this.busyDeskId() !== null;
  }

  protected act(marker: DeskMarker): void {
    if (this.inactive(marker)) {
      return;
    }
    if (marker.status === 'mine') {
      this.cancelBooking.emit(marker.desk);
    } else if (marker.status === 'free') {
      this.bookDesk.emit(marker.desk);
    }
  }
}

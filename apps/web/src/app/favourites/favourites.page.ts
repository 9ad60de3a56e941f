import { ChangeDetectionStrategy, Component, DOCUMENT, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { BOOKING_QUERY_PARAMS, ROUTE_LINKS } from '../app.paths';
import { formatCivilDate } from '../shared/date/civil-date';
import { DAY_PART_LABELS } from '../shared/labels/day-part.labels';
import { StatusMessage } from '../shared/ui/status-message';
import type { Colleague, ColleagueDay, FavouriteColleague, FavouriteDesk } from './data-access/colleagues.api';
import { MIN_SEARCH_LENGTH } from './data-access/colleagues.api';
import { FavouriteColleaguesStore } from './data-access/favourite-colleagues.store';
import { FavouriteDesksStore } from './data-access/favourite-desks.store';

/**
 * Favourite desks (with a link to book in their office) and favourite colleagues with the days they are in over the
 * next two weeks, "Daneben buchen" per day, and a search to add colleagues. Only the person sees their favourites.
 */
@Component({
  selector: 'nb-favourites-page',
  imports: [RouterLink, StatusMessage],
  providers: [FavouriteDesksStore, FavouriteColleaguesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './favourites.page.html',
  styleUrl: './favourites.page.css',
})
export class FavouritesPage {
  private readonly document = inject(DOCUMENT);
  protected readonly desks = inject(FavouriteDesksStore);
  protected readonly colleagues = inject(FavouriteColleaguesStore);
  protected readonly links = ROUTE_LINKS;
  protected readonly partLabels = DAY_PART_LABELS;
  protected readonly formatDate = formatCivilDate;
  protected readonly minSearchLength = MIN_SEARCH_LENGTH;

  protected bookingParams(desk: FavouriteDesk): Record<string, string> {
    return { [BOOKING_QUERY_PARAMS.office]: desk.officeId };
  }

  protected removeDeskLabel(desk: FavouriteDesk): string {
    return $localize`Platz ${desk.code}:desk: in ${desk.officeName}:office: aus den Favoriten entfernen`;
  }

  protected removeColleagueLabel(colleague: FavouriteColleague): string {
    return $localize`${colleague.displayName}:name: aus den Favoriten entfernen`;
  }

  protected addColleagueLabel(colleague: Colleague): string {
    return $localize`${colleague.displayName}:name: als Favorit hinzufügen`;
  }

  protected nextToLabel(colleague: FavouriteColleague, day: ColleagueDay): string {
    return $localize`Daneben buchen (neben ${colleague.displayName}:name: am ${formatCivilDate(day.date)}:date:)`;
  }

  protected async removeDesk(desk: FavouriteDesk): Promise<void> {
    await this.desks.remove({ deskId: desk.deskId, code: desk.code });
    // The item and its button are gone: the section's heading takes the focus.
    this.focusLater('favourite-desks-heading');
  }

  protected search(event: Event, text: string): void {
    event.preventDefault();
    void this.colleagues.find(text);
  }

  protected async add(colleague: Colleague): Promise<void> {
    if (await this.colleagues.add(colleague)) {
      // The button turns into a mark: the focus goes to the colleague in the list of favourites.
      this.focusLater(`colleague-${colleague.id}`, 'favourite-colleagues-heading');
    }
  }

  protected async removeColleague(colleague: FavouriteColleague): Promise<void> {
    if (await this.colleagues.remove(colleague)) {
      this.focusLater('favourite-colleagues-heading');
    }
  }

  protected async bookNextTo(colleague: FavouriteColleague, day: ColleagueDay): Promise<void> {
    if (await this.colleagues.bookNextTo(colleague, day)) {
      // The person now has a desk that day, so the button goes away: the colleague's heading takes the focus.
      this.focusLater(`colleague-${colleague.id}`, 'favourite-colleagues-heading');
    }
  }

  /** Focuses the element after this change detection (it may be rendered only then), else the fallback. */
  private focusLater(id: string, fallback?: string): void {
    setTimeout(() => {
      const target = this.document.getElementById(id) ?? (fallback ? this.document.getElementById(fallback) : null);
      target?.focus();
    });
  }
}

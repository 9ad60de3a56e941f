import type { Booking } from '../app/core/graphql/api.types';
import type {
  BookNextToInput,
  Colleague,
  ColleagueInOffice,
  FavouriteColleague,
  FavouriteDesk,
} from '../app/favourites/data-access/colleagues.api';
import { anOffice } from './office';

/** A colleague at a desk of "Erdgeschoss" in the morning, as `whosIn` returns them; tests override what they need. */
export function aColleagueInOffice(name: string, partial: Partial<ColleagueInOffice> = {}): ColleagueInOffice {
  return {
    colleague: { id: `p-${name}`, displayName: name, favourite: false },
    part: 'MORNING',
    deskId: 'id-A-03',
    deskCode: 'A-03',
    areaId: 'area-eg',
    areaName: 'Erdgeschoss',
    ...partial,
  };
}

/** A live booking of the person, as the API returns it. */
export function aBooking(partial: Partial<Booking> = {}): Booking {
  return {
    id: 'b1',
    date: '2099-01-05',
    part: 'MORNING',
    status: 'BOOKED',
    deskId: 'id-A-04',
    deskCode: 'A-04',
    areaName: 'Erdgeschoss',
    createdAt: '2026-11-20T09:00:00Z',
    office: anOffice('o1', 'Co-Working Erlangen Hauptbahnhof'),
    ...partial,
  };
}

export function aFavouriteDesk(code: string, partial: Partial<FavouriteDesk> = {}): FavouriteDesk {
  return {
    deskId: `id-${code}`,
    code,
    areaId: 'area-eg',
    areaName: 'Erdgeschoss',
    officeId: 'o1',
    officeName: 'Co-Working Erlangen Hauptbahnhof',
    blocked: false,
    ...partial,
  };
}

/** Stands in for ColleaguesApi: answers at once with what the test set, and records what was asked. */
export class FakeColleaguesApi {
  whosInList: ColleagueInOffice[] = [];
  favouriteDeskList: FavouriteDesk[] = [];
  favouriteColleagueList: FavouriteColleague[] = [];
  searchResults: Colleague[] = [];
  /** Thrown by the next `bookNextTo`, when set. */
  bookNextToError: unknown = null;
  nextBooking: Booking = aBooking();
  readonly whosInReads: { officeId: string; date: string }[] = [];
  readonly bookNextToCalls: BookNextToInput[] = [];
  readonly connectedListeners = new Set<() => void>();

  async whosIn(officeId: string, date: string): Promise<ColleagueInOffice[]> {
    this.whosInReads.push({ officeId, date });
    return this.whosInList;
  }

  async search(): Promise<Colleague[]> {
    return this.searchResults;
  }

  async favouriteDesks(): Promise<FavouriteDesk[]> {
    return this.favouriteDeskList;
  }

  async favouriteColleagues(): Promise<FavouriteColleague[]> {
    return this.favouriteColleagueList;
  }

  async addFavouriteDesk(deskId: string): Promise<FavouriteDesk> {
    const code = deskId.replace(/^id-/, '');
    return aFavouriteDesk(code, { deskId });
  }

  async removeFavouriteDesk(): Promise<boolean> {
    return true;
  }

  async addFavouriteColleague(colleagueId: string): Promise<Colleague> {
    const found = this.searchResults.find((colleague) => colleague.id === colleagueId);
    return { id: colleagueId, displayName: found?.displayName ?? colleagueId, favourite: true };
  }

  async removeFavouriteColleague(): Promise<boolean> {
    return true;
  }

  async bookNextTo(input: BookNextToInput): Promise<Booking> {
    this.bookNextToCalls.push(input);
    if (this.bookNextToError !== null) throw this.bookNextToError;
    return { ...this.nextBooking, date: input.date, part: input.part };
  }

  onLiveConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  reconnect(): void {
    for (const listener of this.connectedListeners) listener();
  }
}

import { TestBed } from '@angular/core/testing';

import { aFavouriteDesk, FakeColleaguesApi } from '../../../testing/fake-colleagues-api';
import { Announcer } from '../../core/a11y/announcer';
import { GraphqlRequestError } from '../../core/graphql/graphql-request.error';
import { ColleaguesApi } from './colleagues.api';
import { FavouriteDesksStore } from './favourite-desks.store';

describe('FavouriteDesksStore', () => {
  let api: FakeColleaguesApi;
  let announced: string[];

  beforeEach(() => {
    api = new FakeColleaguesApi();
    announced = [];
    TestBed.configureTestingModule({
      providers: [
        FavouriteDesksStore,
        { provide: ColleaguesApi, useValue: api },
        { provide: Announcer, useValue: { announce: (message: string) => announced.push(message) } },
      ],
    });
  });

  async function create(): Promise<FavouriteDesksStore> {
    const store = TestBed.inject(FavouriteDesksStore);
    await store.reload();
    return store;
  }

  it('reads the favourites once and toggles a desk on and off, saying so', async () => {
    api.favouriteDeskList = [aFavouriteDesk('A-02')];
    const store = await create();
    expect(store.loadState()).toBe('ready');
    expect(store.isFavourite('id-A-02')).toBe(true);

    await store.toggle({ deskId: 'id-A-01', code: 'A-01' });
    expect(store.isFavourite('id-A-01')).toBe(true);
    expect(announced).toEqual(['Platz A-01 ist jetzt einer Ihrer Favoriten.']);

    await store.toggle({ deskId: 'id-A-02', code: 'A-02' });
    expect(store.isFavourite('id-A-02')).toBe(false);
    expect(announced.at(-1)).toBe('Platz A-02 ist kein Favorit mehr.');
    expect(store.isBusy('id-A-02')).toBe(false);
  });

  it('shows why a toggle failed and keeps the mark as it was', async () => {
    const store = await create();
    api.addFavouriteDesk = async () => {
      throw new GraphqlRequestError('DESK_NOT_FOUND', 'gone');
    };

    await store.toggle({ deskId: 'id-A-01', code: 'A-01' });

    expect(store.isFavourite('id-A-01')).toBe(false);
    expect(store.note()).toEqual({
      tone: 'error',
      text: 'Diesen Platz gibt es nicht mehr. Bitte wählen Sie einen anderen Platz.',
    });
  });

  it('says when the favourites could not be read', async () => {
    api.favouriteDesks = async () => {
      throw new GraphqlRequestError('NETWORK', 'offline');
    };
    const store = await create();
    expect(store.loadState()).toBe('error');
    expect(store.loadError()).toContain('Keine Verbindung zum Server.');
  });
});
